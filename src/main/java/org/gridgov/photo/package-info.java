/**
 * Photos (照片) the other modules keep for their records — a diary entry, a visit, a member of a grid team — checked
 * to be JPEG, PNG or WebP by their bytes and kept per county; the module owning the record decides who sees them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "common")
package org.gridgov.photo;
