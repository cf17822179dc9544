package org.exdiag.replies;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.ahocorasick.trie.PayloadTrie;
import org.ahocorasick.trie.handler.PayloadEmitHandler;
import org.exdiag.rules.Reply;

/**
 * Finds the first pattern that matches a reply without trying them all, so that classification stays
 * sublinear as support engineers add patterns:
 * <ul>
 * <li>by where the reply was heard, its stage, its code and its enhanced code: the patterns that accept
 *     a (placement, stage, code, enhanced code) are worked out once, on the first reply that has it,
 *     and kept as a bit set (the enhanced codes' expressions, run for each candidate of each reply,
 *     were two fifths of the classification's time on five-warnings.yaml, JFR);</li>
 * <li>by text: one pass of an Aho-Corasick automaton (the org.ahocorasick library) over the lower-cased reply finds every literal
 *     that some alternative of some pattern requires ({@link ReplyPattern#literalsOf}); a pattern none
 *     of whose literals is there cannot match, and its regular expression is never run; of a pattern
 *     whose literals are there, only the alternatives holding them are run (a text pattern of thirty
 *     alternatives, tried at every position of a long bounce, was a third of an analysis);</li>
 * <li>for an ASCII reply, expressions fold case as ASCII, not Unicode, where the two cannot differ
 *     ({@link ReplyPattern#forAsciiText}).</li>
 * </ul>
 * The candidates left are tried in the file's order, so the first match is the same as a linear scan's
 * ({@code ReplyIndexTest} checks both on every pattern and reply it has).
 */
final class ReplyIndex {
    private static final int OTHER = 0;
    private static final int MAX_KEYS = 1 << 16;

    private final List<ReplyPattern> patterns;
    private final Map<String, Integer> placements = new HashMap<>();
    private final Map<String, Integer> stages = new HashMap<>();
    /** Patterns whose text needs no literal check: no text, no literals, or always tried. */
    private final BitSet withoutLiterals = new BitSet();
    private final BitSet withLiterals = new BitSet();
    /**
     * Every alternative of every pattern with literals, numbered in order: its pattern and its expression
     * (folding case as ASCII where that cannot differ: only ASCII replies get this far).
     */
    private final int[] patternOfAlternative;
    private final Pattern[] alternativeExpression;
    /** Texts of the patterns without literals, for ASCII replies ({@link ReplyPattern#forAsciiText}); null: no text. */
    private final Pattern[] asciiText;
    private final int[] firstAlternative;
    private final LiteralAutomaton literals;
    private final Map<Key, BitSet> byKey = new ConcurrentHashMap<>();

    /** What {@link #acceptedBy} looks at: placement, stage and code numbered, and the enhanced code. */
    private record Key(long placementStageCode, String enhancedCode) {
    }

    ReplyIndex(List<ReplyPattern> patterns) {
        this.patterns = List.copyOf(patterns);
        Map<String, List<Integer>> alternativesOfLiteral = new LinkedHashMap<>();
        List<Integer> owners = new ArrayList<>();
        List<Pattern> expressions = new ArrayList<>();
        firstAlternative = new int[this.patterns.size() + 1];
        asciiText = new Pattern[this.patterns.size()];
        for (int i = 0; i < this.patterns.size(); i++) {
            ReplyPattern p = this.patterns.get(i);
            firstAlternative[i] = owners.size();
            p.placements().forEach(name -> placements.putIfAbsent(name, placements.size() + 1));
            p.stages().forEach(name -> stages.putIfAbsent(name, stages.size() + 1));
            List<String> alternatives = p.text() == null || p.textLiterals() == null ? null
                    : ReplyPattern.topLevelAlternatives(p.text().pattern());
            if (alternatives == null || alternatives.size() != p.textLiterals().length) {
                withoutLiterals.set(i);
                asciiText[i] = p.text() == null ? null : ReplyPattern.forAsciiText(p.text());
                continue;
            }
            for (int a = 0; a < alternatives.size(); a++) {
                for (String literal : p.textLiterals()[a]) {
                    alternativesOfLiteral.computeIfAbsent(literal, k -> new ArrayList<>()).add(owners.size());
                }
                owners.add(i);
                expressions.add(ReplyPattern.forAsciiText(Pattern.compile(alternatives.get(a), p.text().flags())));
            }
        }
        firstAlternative[this.patterns.size()] = owners.size();
        withLiterals.set(0, this.patterns.size());
        withLiterals.andNot(withoutLiterals);
        patternOfAlternative = owners.stream().mapToInt(Integer::intValue).toArray();
        alternativeExpression = expressions.toArray(Pattern[]::new);
        this.literals = new LiteralAutomaton(alternativesOfLiteral);
    }

    /** The first pattern, in the file's order, that matches the reply; null when none does. */
    ReplyPattern first(Reply reply) {
        BitSet accepted = acceptedBy(reply);
        if (accepted.isEmpty()) {
            return null;
        }
        BitSet candidates = (BitSet) accepted.clone();
        String text = reply.text();
        if (text == null || !ReplyPattern.isAscii(text)) {
            // Unicode case folding may match what the literals do not show: try every text as a linear scan would.
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                ReplyPattern p = patterns.get(i);
                if (p.matchesText(reply, text != null)) {
                    return p;
                }
            }
            return null;
        }
        // The literal scan only for replies some pattern with literals accepts.
        BitSet foundAlternatives = candidates.intersects(withLiterals) ? literals.patternsFoundIn(text.toLowerCase(Locale.ROOT))
                : new BitSet();
        BitSet textMayMatch = (BitSet) withoutLiterals.clone();
        for (int a = foundAlternatives.nextSetBit(0); a >= 0; a = foundAlternatives.nextSetBit(a + 1)) {
            textMayMatch.set(patternOfAlternative[a]);
        }
        candidates.and(textMayMatch);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (withoutLiterals.get(i) ? asciiText[i] == null || asciiText[i].matcher(text).find()
                    : anyAlternativeFinds(i, foundAlternatives, text)) {
                return patterns.get(i);
            }
        }
        return null;
    }

    /** Whether one of the pattern's alternatives whose literal is in the text finds a match: the others cannot. */
    private boolean anyAlternativeFinds(int pattern, BitSet found, String text) {
        for (int a = found.nextSetBit(firstAlternative[pattern]); a >= 0 && a < firstAlternative[pattern + 1];
             a = found.nextSetBit(a + 1)) {
            if (alternativeExpression[a].matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The patterns whose placements, stages, codes and enhanced codes accept the reply's. */
    private BitSet acceptedBy(Reply reply) {
        int placement = placements.getOrDefault(reply.placement(), OTHER);
        int stage = reply.stage() == null ? -1 : stages.getOrDefault(reply.stage(), OTHER);
        int code = Math.max(0, Math.min(999, reply.code()));
        Key key = new Key(((long) placement << 40) | ((long) (stage + 1) << 20) | code, reply.enhancedCode());
        BitSet known = byKey.get(key);
        if (known != null) {
            return known;
        }
        BitSet accepted = new BitSet(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            ReplyPattern p = patterns.get(i);
            if ((p.placements().isEmpty() || p.placements().contains(reply.placement()))
                    && (p.stages().isEmpty() || reply.stage() != null && p.stages().contains(reply.stage()))
                    && (p.codes() == null || p.codes().get(code) && code == reply.code())
                    && p.matchesEnhanced(reply)) {
                accepted.set(i);
            }
        }
        // Names no pattern uses (key OTHER) are all accepted or refused alike: one key serves them all.
        if (code == reply.code() && byKey.size() < MAX_KEYS) {
            byKey.put(key, accepted);
        }
        return accepted;
    }

    /**
     * The patterns' literals (lower-case ASCII) in one Aho-Corasick automaton (org.ahocorasick), each
     * literal carrying the alternatives that require it.
     */
    static final class LiteralAutomaton {
        private final PayloadTrie<BitSet> trie;

        LiteralAutomaton(Map<String, List<Integer>> alternativesOfLiteral) {
            PayloadTrie.PayloadTrieBuilder<BitSet> builder = PayloadTrie.builder();
            alternativesOfLiteral.forEach((literal, alternatives) -> {
                BitSet ids = new BitSet();
                alternatives.forEach(ids::set);
                builder.addKeyword(literal, ids);
            });
            trie = builder.build();
        }

        /** The ids (alternatives, here) one of whose literals occurs in {@code lower}. */
        BitSet patternsFoundIn(String lower) {
            BitSet found = new BitSet();
            trie.parseText(lower, (PayloadEmitHandler<BitSet>) emit -> {
                found.or(emit.getPayload());
                return true;
            });
            return found;
        }
    }
}
