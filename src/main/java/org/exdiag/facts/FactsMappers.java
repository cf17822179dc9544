package org.exdiag.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The Jackson set-up of facts documents, JSON and YAML alike: bounded by {@link FactsLimits}, strict
 * about unknown fields, duplicates and types.
 */
record FactsMappers(ObjectMapper json, ObjectMapper yaml, YAMLFactory yamlFactory) {

    static FactsMappers of(FactsLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(32)
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        LoaderOptions yamlOptions = new LoaderOptions();
        // Facts never need aliases: no YAML bombs. Jackson does not expand them anyway; AliasCountingParser
        // refuses them (Jackson would hand the alias's name over as the value).
        yamlOptions.setMaxAliasesForCollections(Math.max(limits.maxAliases(), 0));
        yamlOptions.setAllowRecursiveKeys(false);
        yamlOptions.setNestingDepthLimit(limits.maxNestingDepth());
        yamlOptions.setCodePointLimit(limits.maxDocumentBytes());
        yamlOptions.setAllowDuplicateKeys(false);
        YAMLFactory yamlFactory = YAMLFactory.builder()
                .loaderOptions(yamlOptions)
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new FactsMappers(strict(JsonMapper.builder(jsonFactory)), strict(YAMLMapper.builder(yamlFactory)), yamlFactory);
    }

    private static ObjectMapper strict(com.fasterxml.jackson.databind.cfg.MapperBuilder<?, ?> builder) {
        ObjectMapper mapper = builder
                .addModule(new JavaTimeModule())
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("exdiag-instants")
                        .addDeserializer(java.time.Instant.class, new InstantReader()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // "443" is not 443 and "" is not null: a wrong type is an error, not a guess.
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(String.class)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        mapper.coercionConfigFor(java.time.Instant.class)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        return mapper;
    }
}
