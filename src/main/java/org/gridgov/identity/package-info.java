/** Users, organizations, roles and permissions; who is signed in, what they may do and which part of the tree they see. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "audit", "region"})
package org.gridgov.identity;
