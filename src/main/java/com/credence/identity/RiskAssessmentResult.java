package com.credence.identity;

import java.time.LocalDate;

/** The outcome of the questionnaire: the level and the last day it is valid. */
public record RiskAssessmentResult(RiskLevel riskLevel, int score, LocalDate validUntil) {}
