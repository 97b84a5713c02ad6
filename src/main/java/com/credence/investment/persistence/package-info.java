/** The investment module's tables (schema {@code investment}). */
@NullMarked
package com.credence.investment.persistence;

import org.jspecify.annotations.NullMarked;
