/** Events (事件/案卷): report, accept, escalate, dispatch, claim, handle, feed back, verify, close, rate — on time. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "region", "identity"})
package org.gridgov.event;
