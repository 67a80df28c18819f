package org.gridgov.audit.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridgov.common.ObjectLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Names what audit records refer to by id: the acting user, their organization, and the object, also when the
 * object is an API path that ends in one object's key ({@code /api/events/12/accept} names event 12). Asks each
 * module's {@link ObjectLabels} once per type for a whole page of records.
 */
@Component
class ObjectNames {

    private static final Logger log = LoggerFactory.getLogger(ObjectNames.class);

    /** What a record names: the kind of object and its key. */
    record Ref(String type, String key) {}

    private final Map<String, ObjectLabels> byType = new HashMap<>();

    /** API path prefixes, longest first, with the type they name. */
    private final Map<String, String> byPath = new LinkedHashMap<>();

    ObjectNames(List<ObjectLabels> providers) {
        var paths = new ArrayList<Map.Entry<String, String>>();
        for (var provider : providers) {
            provider.objectTypes().forEach((type, path) -> {
                byType.put(type, provider);
                if (!path.isEmpty()) {
                    paths.add(Map.entry(path, type));
                }
            });
        }
        paths.sort(Comparator.comparingInt(
                        (Map.Entry<String, String> e) -> e.getKey().length())
                .reversed());
        paths.forEach(e -> byPath.put(e.getKey(), e.getValue()));
    }

    /** What an object reference names: itself, or for an API path the object its path ends in; null for nothing. */
    Ref ref(String objectType, String objectId) {
        if (objectType == null || objectId == null) {
            return null;
        }
        if (!objectType.equals("api")) {
            return new Ref(objectType, objectId);
        }
        for (var prefix : byPath.entrySet()) {
            if (objectId.startsWith(prefix.getKey())) {
                String rest = objectId.substring(prefix.getKey().length());
                int end = rest.length();
                for (char stop : new char[] {'/', '?'}) {
                    int at = rest.indexOf(stop);
                    if (at >= 0 && at < end) {
                        end = at;
                    }
                }
                return end == 0 ? null : new Ref(prefix.getValue(), rest.substring(0, end));
            }
        }
        return null;
    }

    /**
     * The labels of the given references, by reference; those no module names are left out. A module that cannot
     * answer is logged and skipped: a missing name must not hide the records.
     */
    Map<Ref, String> labels(Collection<Ref> refs) {
        var keysByType = new HashMap<String, Set<String>>();
        for (var ref : refs) {
            if (ref != null && byType.containsKey(ref.type())) {
                keysByType.computeIfAbsent(ref.type(), t -> new HashSet<>()).add(ref.key());
            }
        }
        var labels = new HashMap<Ref, String>();
        keysByType.forEach((type, keys) -> {
            try {
                byType.get(type).labels(type, keys).forEach((key, label) -> labels.put(new Ref(type, key), label));
            } catch (RuntimeException e) {
                log.warn("No labels for {} objects: {}", type, e.toString());
            }
        });
        return labels;
    }
}
