package com.credence.investment.web;

import com.credence.investment.ListingView;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The listing page as a visitor who is not signed in sees it, kept once rendered. For such a
 * visitor the page depends only on the listing's view and the language: no form, no CSRF token, no
 * menu of their own, no flash message. A kept page is used while the listing's view is the very
 * object it was rendered from: the board of open listings and the browsing cache hand out a new
 * view when anything in it changes, so a kept page is exactly as fresh as the view (ADR 0020).
 * Signed-in users' pages are always rendered.
 */
@Component
class VisitorListingPages {

  private record Key(UUID listingId, Locale locale) {}

  private record Page(ListingView view, String contentType, byte[] body) {}

  private final ViewResolver views;
  private final Cache<Key, Page> pages;

  VisitorListingPages(
      @Qualifier("thymeleafViewResolver") ViewResolver views,
      @Value("${credence.investment.visitor-pages-max:20000}") long maxPages) {
    this.views = views;
    this.pages = Caffeine.newBuilder().maximumSize(maxPages).executor(Runnable::run).build();
  }

  /**
   * A view that writes the kept page of {@code listing}, rendering and keeping it first if need be.
   */
  View page(String template, ListingView listing, Locale locale) {
    return new View() {
      @Override
      public String getContentType() {
        return "text/html;charset=UTF-8";
      }

      @Override
      public void render(
          @Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
          throws Exception {
        Key key = new Key(listing.listingId(), locale);
        Page kept = pages.getIfPresent(key);
        if (kept == null || kept.view() != listing) {
          kept = renderAndKeep(template, key, listing, model, request, response);
          if (kept == null) {
            return;
          }
        }
        response.setContentType(kept.contentType());
        response.setLocale(locale);
        response.setContentLength(kept.body().length);
        response.getOutputStream().write(kept.body());
      }
    };
  }

  /** Renders the page into memory, keeps it when it rendered completely, and writes it. */
  private @Nullable Page renderAndKeep(
      String template,
      Key key,
      ListingView listing,
      @Nullable Map<String, ?> model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws Exception {
    View view = views.resolveViewName(template, key.locale());
    if (view == null) {
      throw new IllegalStateException("No view named " + template);
    }
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    view.render(model, request, captured);
    if (captured.getStatus() != HttpServletResponse.SC_OK || captured.getContentType() == null) {
      captured.copyBodyToResponse();
      return null;
    }
    Page page = new Page(listing, captured.getContentType(), captured.getContentAsByteArray());
    pages.put(key, page);
    return page;
  }
}
