package com.credence.risk;

/** A person (ID number) or a company or organisation (unified social credit code). */
public enum BorrowerType {
  PERSON,
  COMPANY
}
