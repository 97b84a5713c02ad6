package com.credence.shared;

/** Currencies the platform keeps books in. The scale is fixed per currency, once. */
public enum Currency {
  CNY(2, "¥");

  private final int fractionDigits;
  private final String symbol;

  Currency(int fractionDigits, String symbol) {
    this.fractionDigits = fractionDigits;
    this.symbol = symbol;
  }

  public int fractionDigits() {
    return fractionDigits;
  }

  public String symbol() {
    return symbol;
  }
}
