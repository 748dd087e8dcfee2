package io.warden.infra.exportcontrol;

import java.util.Arrays;
import java.util.List;

/** Control paths in one text column: ids joined by {@code >}, paths by {@code |} (neither can occur in an id). */
final class ControlPaths {

    private ControlPaths() {
    }

    static String encode(List<List<String>> paths) {
        return String.join("|", paths.stream().map(p -> String.join(">", p)).toList());
    }

    static List<List<String>> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\|")).map(p -> List.of(p.split(">"))).toList();
    }
}
