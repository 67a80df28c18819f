/** The web shell: serves the browser application and tells it how this deployment is set up. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "region"})
package org.gridgov.shell;
