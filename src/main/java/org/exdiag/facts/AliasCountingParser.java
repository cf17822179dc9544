package org.exdiag.facts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * A YAML parser that counts aliases ({@code *name}) and refuses more than the limit. Jackson does not
 * expand YAML aliases: it hands the alias's name over as if it were the value, which would silently
 * turn {@code reply: *m} into the reply "m". Facts never need aliases, so by default none is allowed:
 * no YAML bomb, no silent wrong value.
 */
final class AliasCountingParser extends JsonParserDelegate {
    private final YAMLParser yaml;
    private final int maxAliases;
    private int aliases;

    AliasCountingParser(YAMLParser yaml, int maxAliases) {
        super(yaml);
        this.yaml = yaml;
        this.maxAliases = maxAliases;
    }

    private JsonToken checked(JsonToken token) throws IOException {
        if (token != null && yaml.isCurrentAlias() && ++aliases > maxAliases) {
            throw new StreamConstraintsException("YAML aliases are not allowed in facts (found *" + yaml.getText() + ")");
        }
        return token;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return checked(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return checked(super.nextValue());
    }

    @Override
    public String nextFieldName() throws IOException {
        return nextToken() == JsonToken.FIELD_NAME ? getCurrentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
        return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(getCurrentName());
    }

    @Override
    public String nextTextValue() throws IOException {
        return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    static JsonParser wrap(JsonParser parser, int maxAliases) {
        return parser instanceof YAMLParser y ? new AliasCountingParser(y, maxAliases) : parser;
    }
}
