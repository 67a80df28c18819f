package org.gridgov.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a repository that reads or writes tables holding data of one part of the region tree. Classes that use such
 * a repository must apply the caller's scope (depend on a {@code *Scope} type) or say why not with {@link Unscoped};
 * {@code ScopeArchitectureTests} enforces both, and that every table a repository names is declared here or listed
 * as unscoped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ScopedData {

    /** The scoped tables this repository names. */
    String[] tables();
}
