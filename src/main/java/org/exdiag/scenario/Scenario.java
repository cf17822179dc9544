package org.exdiag.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One scenario of a file in rules/tests/: facts and what the rules must conclude from them.
 * Every part of {@code expect} is optional; a part given is checked exactly (rules: at least these).
 */
public record Scenario(String name, JsonNode facts, Expected expect) {

    /**
     * @param warnings   exactly these warning codes, in any order
     * @param rootCauses exactly these root causes, in report order (most severe first)
     * @param links      exactly these links, each written "CAUSE -> EFFECT"
     * @param verdict    healthy, problems or incomplete
     * @param rules      these rules fired (others may too)
     * @param evidence   each of these texts appears in some warning's evidence
     */
    public record Expected(List<String> warnings, List<String> rootCauses, List<String> links, String verdict,
                           List<String> rules, List<String> evidence) {
    }

    /**
     * A scenario file: optional base facts, and the scenarios. Each scenario's facts are laid over the
     * base: mappings merge, lists and values replace, and null removes a section.
     */
    public record File(JsonNode base, List<Scenario> scenarios) {
    }
}
