package org.gridgov.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class that uses scoped data without a caller's scope, on purpose; the reason says why it is safe. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Unscoped {

    /** Why this class must see data outside any one caller's scope. */
    String value();
}
