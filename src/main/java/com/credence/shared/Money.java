package com.credence.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in minor units (fen for CNY), never negative. Direction (debit or credit, in
 * or out) is carried by the operation, never by the sign.
 *
 * <p>Arithmetic refuses to overflow or to go below zero; both are invariant breaches, not silent
 * wrap-arounds. CNY is the only currency the platform keeps books in, so amounts of different
 * currencies cannot meet; a second currency would add a same-currency check here, with its tests.
 */
public record Money(long amountMinor, Currency currency) implements Comparable<Money> {

  /** Largest amount the platform accepts anywhere: 10^15 fen, far above any real balance. */
  public static final long MAX_MINOR = 1_000_000_000_000_000L;

  private static final Pattern API_AMOUNT =
      Pattern.compile("^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (amountMinor < 0) {
      throw new IllegalArgumentException("Money is never negative: " + amountMinor);
    }
    if (amountMinor > MAX_MINOR) {
      throw new IllegalArgumentException("Amount above the platform maximum: " + amountMinor);
    }
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  public static Money cny(long amountMinor) {
    return new Money(amountMinor, Currency.CNY);
  }

  /** Whole yuan, for fixtures and settings: {@code yuan(50_000)} is 50,000.00 CNY. */
  public static Money yuan(long yuan) {
    return cny(Math.multiplyExact(yuan, 100L));
  }

  /**
   * Parses an API amount: a decimal string in yuan with at most two decimals ({@code "1000"},
   * {@code "1000.5"}, {@code "1000.50"}). No sign, no exponent, no grouping, no spaces.
   *
   * @throws InvalidAmountException when the text is not such an amount
   */
  public static Money parse(String text, Currency currency) {
    if (text == null || !API_AMOUNT.matcher(text).matches()) {
      throw new InvalidAmountException(text);
    }
    BigDecimal yuan = new BigDecimal(text);
    long minor = yuan.movePointRight(currency.fractionDigits()).longValueExact();
    return new Money(minor, currency);
  }

  public static Money parseCny(String text) {
    return parse(text, Currency.CNY);
  }

  /** Rounds a major-unit amount computed in {@link BigDecimal} to minor units, once, here. */
  public static Money ofMajor(BigDecimal major, Currency currency, RoundingMode rounding) {
    BigDecimal minor =
        major
            .setScale(currency.fractionDigits(), rounding)
            .movePointRight(currency.fractionDigits());
    return new Money(minor.longValueExact(), currency);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
  }

  public Money minus(Money other) {
    long result = Math.subtractExact(amountMinor, other.amountMinor);
    if (result < 0) {
      throw new IllegalArgumentException("Subtraction below zero: " + this + " - " + other);
    }
    return new Money(result, currency);
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(amountMinor, factor), currency);
  }

  public boolean isZero() {
    return amountMinor == 0;
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  /** The amount in major units with exactly the currency's decimals, e.g. 1000.00. */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(amountMinor, currency.fractionDigits());
  }

  /** The API form: yuan with exactly two decimals, no grouping: {@code "1000.00"}. */
  public String toApiString() {
    return toMajor().toPlainString();
  }

  /** The page form: currency sign, grouping and two decimals: {@code "¥1,000.00"}. */
  public String toDisplayString() {
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return currency.symbol() + format.format(toMajor());
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(amountMinor, other.amountMinor);
  }

  @Override
  public String toString() {
    return toApiString() + " " + currency.name();
  }
}
