package com.credence.origination.domain;

/**
 * One invalid field of a form: its name, a stable reason and the message key shown on pages.
 *
 * @param field the JSON (and form) field name, e.g. {@code collateral.vin}
 * @param messageKey the key of the localized message in {@code i18n/origination}
 * @param detail an English sentence for API clients
 */
public record FieldError(String field, String messageKey, String detail) {}
