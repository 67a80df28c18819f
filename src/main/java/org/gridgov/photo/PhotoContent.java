package org.gridgov.photo;

/** A photo's bytes and type, to send to someone allowed to see its record. */
public record PhotoContent(String contentType, byte[] data) {}
