package com.credence.investment.persistence;

/** An investment with its listing's title and status. */
public record InvestmentOfInvestorRow(
    InvestmentRow investment, String listingTitle, String listingStatus) {}
