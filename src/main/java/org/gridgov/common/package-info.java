/** Shared kernel: paging, problem reporting and the embedded database every module stands on. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gridgov.common;
