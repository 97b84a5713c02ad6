/**
 * The investment module's pure rules: amount checks, the plan of a batch of bids against the
 * remaining amount, the holdings of a full listing and the outcome at the deadline. No Spring, no
 * SQL.
 */
@NullMarked
package com.credence.investment.domain;

import org.jspecify.annotations.NullMarked;
