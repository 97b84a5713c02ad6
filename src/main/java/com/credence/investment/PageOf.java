package com.credence.investment;

import java.util.List;

/** One page of a list (API.md: {@code {"items","page","size","total"}}). */
public record PageOf<T>(List<T> items, int page, int size, long total) {

  public PageOf {
    items = List.copyOf(items);
  }
}
