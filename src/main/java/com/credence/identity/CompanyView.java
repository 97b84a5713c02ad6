package com.credence.identity;

import java.util.UUID;

/** A company borrower's registration: its unified social credit code and legal representative. */
public record CompanyView(
    UUID userId, String companyName, String creditCode, String maskedLegalRepresentative) {}
