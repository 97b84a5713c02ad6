/** The investment module's JSON API under {@code /api/v1} (API.md "Investing"). */
@NullMarked
package com.credence.investment.rest;

import org.jspecify.annotations.NullMarked;
