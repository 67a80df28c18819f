/**
 * The field day of the people in the grids: sign-in and sign-out, patrols with their tracks, visits and the field diary.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Field day")
package org.gridgov.field;
