/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.restconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.mdsal.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;

/**
 * The refusals RESTCONF gives without saying which field is wrong, explained against the real liveflow model.
 */
class WriteErrorsTest {
    private static final String BARE_400 = "{\"errors\":{\"error\":[{\"error-tag\":\"invalid-value\","
        + "\"error-type\":\"application\"}]}}";
    private static final String NETWORKS = "/liveflow:overlay/networks";
    private final ModelBodyCheck check = new ModelBodyCheck(BindingRuntimeHelpers.createEffectiveModel(Overlay.class),
        "liveflow");
    private final WriteErrors errors = new WriteErrors(check);

    private String explained(final String method, final String path, final String body) {
        final Optional<WriteErrors.Answer> answer = errors.explain(method, path, "application/json", body, 400,
            BARE_400);
        assertTrue(answer.isPresent(), "no explanation of " + body);
        assertEquals(400, answer.orElseThrow().status());
        return error(answer.orElseThrow()).get("error-message").getAsString();
    }

    private static JsonObject error(final WriteErrors.Answer answer) {
        return JsonParser.parseString(answer.body()).getAsJsonObject().getAsJsonObject("errors")
            .getAsJsonArray("error").get(0).getAsJsonObject();
    }

    @Test
    void aRangeNamesTheObjectTheFieldAndWhatIsAllowed() {
        assertEquals("network n2: segmentation-id '99999999' is not allowed: it must be an integer in 1..16777215",
            explained("PUT", NETWORKS + "/network=n2",
                "{\"liveflow:network\":[{\"id\":\"n2\",\"tenant\":\"t1\",\"segmentation-id\":99999999}]}"));
        assertEquals("network n2: segmentation-id '0' is not allowed: it must be an integer in 1..16777215",
            explained("POST", NETWORKS, "{\"network\":[{\"id\":\"n2\",\"segmentation-id\":0}]}"));
    }

    @Test
    void aPatternOfATypedefIsQuotedWithTheTypedefsName() {
        assertEquals("port p1: mac-address 'zz' is not allowed: it must be a valid mac-address (a string matching "
            + "'[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}')", explained("PATCH", "/liveflow:overlay/ports/port=p1",
                "{\"liveflow:port\":[{\"id\":\"p1\",\"mac-address\":\"zz\"}]}"));
    }

    @Test
    void lengthsNestedListsAndUrlKeysAreNamed() {
        assertEquals("network n3: name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' (300 characters) is not allowed: "
            + "it has 300 characters and must have 0..255", explained("PUT", NETWORKS + "/network=n3",
                "{\"liveflow:network\":[{\"id\":\"n3\",\"name\":\"" + "a".repeat(300) + "\"}]}"));
        assertEquals("sub-port y in trunk tr: vlan-id '5000' is not allowed: it must be an integer in 1..4094",
            explained("PUT", "/liveflow:overlay/trunks/trunk=tr", "{\"liveflow:trunk\":[{\"id\":\"tr\","
                + "\"sub-port\":[{\"port\":\"y\",\"vlan-id\":5000}]}]}"));
        assertTrue(explained("PUT", NETWORKS + "/network=bad%20id", "{}").startsWith(
            "network bad id: id 'bad id' (in the URL) is not allowed: it must be a valid resource-id (a string of "
            + "1..64 characters matching '[A-Za-z0-9][A-Za-z0-9._:-]*')"));
    }

    @Test
    void wrongJsonTypesUnknownFieldsEnumsAndUnionsAreNamed() {
        assertEquals("network n2: segmentation-id '{\"a\":1}' is not allowed: it must be a single value, an integer "
            + "in 1..16777215, not a JSON object", explained("PUT", NETWORKS + "/network=n2",
                "{\"liveflow:network\":[{\"id\":\"n2\",\"segmentation-id\":{\"a\":1}}]}"));
        assertEquals("network n2: 'foo' is not a field of network; its fields are id, tenant, name, segmentation-id, "
            + "admin-state-up, external, physical-network", explained("PUT", NETWORKS + "/network=n2",
                "{\"liveflow:network\":[{\"id\":\"n2\",\"foo\":1}]}"));
        assertEquals("chassis c1: tunnel-type 'gre' is not allowed: it must be one of vxlan, geneve",
            explained("PUT", "/liveflow:overlay/chassis-registry/chassis=c1",
                "{\"liveflow:chassis\":[{\"name\":\"c1\",\"tunnel-type\":\"gre\"}]}"));
        assertTrue(explained("PUT", "/liveflow:overlay/chassis-registry/chassis=c1",
            "{\"liveflow:chassis\":[{\"name\":\"c1\",\"tunnel-ip\":\"300.0.0.1\"}]}").startsWith(
                "chassis c1: tunnel-ip '300.0.0.1' is not allowed: it must be a valid ip-address (one of a valid "
                + "ipv4-address"));
    }

    @Test
    void aMissingMandatoryLeafIs400NotTheDatastores500() {
        final String refused = "{\"errors\":{\"error\":[{\"error-tag\":\"operation-failed\",\"error-info\":"
            + "\"TransactionCommitFailedException{message=..., cause=java.lang.IllegalArgumentException: Node "
            + "(urn:opendaylight:liveflow?revision=2026-11-23)network[{(urn:opendaylight:liveflow?revision=2026-11-23)"
            + "id=n2}] is missing mandatory descendant /(urn:opendaylight:liveflow?revision=2026-11-23)"
            + "segmentation-id]]}\",\"error-message\":\"Transaction(PUT) not committed correctly\","
            + "\"error-type\":\"application\"}]}}";
        final WriteErrors.Answer answer = errors.explain("PUT", NETWORKS + "/network=n2", "application/json",
            "{\"liveflow:network\":[{\"id\":\"n2\"}]}", 500, refused).orElseThrow();
        assertEquals(400, answer.status());
        assertEquals("network n2: segmentation-id is mandatory and missing",
            error(answer).get("error-message").getAsString());
        assertEquals("missing-element", error(answer).get("error-tag").getAsString());
    }

    @Test
    void theValidationsOwnRefusalsAndValidWritesPassUnchanged() {
        assertEquals(Optional.empty(), errors.explain("PUT", NETWORKS + "/network=n2", "application/json",
            "{\"liveflow:network\":[{\"id\":\"n2\",\"tenant\":\"t9\",\"segmentation-id\":9}]}", 400,
            "{\"errors\":{\"error\":[{\"error-tag\":\"invalid-value\",\"error-type\":\"application\","
            + "\"error-message\":\"network n2: tenant 't9' does not exist\"}]}}"));
        assertEquals(Optional.empty(), errors.explain("POST", NETWORKS, "application/json",
            "{\"liveflow:network\":[{\"id\":\"n1\",\"segmentation-id\":9}]}", 409,
            "{\"errors\":{\"error\":[{\"error-tag\":\"data-exists\",\"error-message\":\"Data already exists\"}]}}"));
    }

    @Test
    void shapesRestconfWouldStoreAreRefusedBeforeItSeesThem() {
        // RESTCONF's reader takes [1] for 1 and an object for a one-entry list
        assertEquals("tenant t1: name '[1]' is not allowed: it must be a single value, a string of 0..255 characters, "
            + "not a JSON array", errors.refuse("PUT", "/liveflow:overlay/tenants/tenant=t1", "application/json",
                "{\"liveflow:tenant\":[{\"id\":\"t1\",\"name\":[1]}]}").orElseThrow().body()
            .replaceAll(".*\"error-message\":\"(.*)\"}]}}", "$1"));
        assertTrue(errors.refuse("PUT", "/liveflow:overlay/tenants/tenant=t1", "application/yang-data+json",
            "{\"liveflow:tenant\":{\"id\":\"t1\"}}").isPresent());
        // a body that fits, and bodies this check does not read, go to RESTCONF
        assertEquals(Optional.empty(), errors.refuse("PUT", "/liveflow:overlay/tenants/tenant=t1",
            "application/json", "{\"liveflow:tenant\":[{\"id\":\"t1\",\"name\":\"one\"}]}"));
        assertEquals(Optional.empty(), errors.refuse("PUT", "/liveflow:overlay/tenants/tenant=t1",
            "application/xml", "<tenant/>"));
        // a write of the whole datastore holds other modules' data too
        assertEquals(Optional.empty(), errors.refuse("PUT", "", "application/json",
            "{\"liveflow:overlay\":{},\"network-topology:network-topology\":{}}"));
        assertTrue(errors.refuse("PUT", "", "application/json",
            "{\"liveflow:overlay\":{\"tenants\":{\"tenant\":[{\"id\":\"t 1\"}]}}}").isPresent());
    }

    @Test
    void anEmpty415NamesTheContentTypesAccepted() {
        final WriteErrors.Answer answer = errors.explain("PUT", NETWORKS, "text/plain", "x", 415, "").orElseThrow();
        assertEquals(415, answer.status());
        assertTrue(error(answer).get("error-message").getAsString().startsWith(
            "Content-Type 'text/plain' is not accepted"));
    }

    @Test
    void aBodyNestedTooDeepIsRefusedWithoutParsingIt() {
        final String deep = "{\"liveflow:network\":[{\"id\":\"n5\",\"name\":" + "[".repeat(5000) + "]".repeat(5000)
            + "}]}";
        assertEquals("the body nests JSON arrays and objects more than 32 levels deep; no liveflow object nests more "
            + "than a few", explained("PUT", NETWORKS + "/network=n5", deep));
    }
}
