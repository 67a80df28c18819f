/**
 * Notifications (消息提醒): tells the organizations concerned when an event's deadline card is raised, and when an event
 * is dispatched, returned, sent back for rework, supervised or escalated to them; read in the console's bell.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "identity", "event"})
package org.gridgov.notification;
