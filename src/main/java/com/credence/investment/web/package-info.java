/** The investment module's pages: listings, a listing with its invest form, the portfolio. */
@NullMarked
package com.credence.investment.web;

import org.jspecify.annotations.NullMarked;
