package com.credence.risk;

/** A rule that fired: its stable code, what it sends the application to and an English detail. */
public record RuleHit(String code, Decision outcome, String detail) {}
