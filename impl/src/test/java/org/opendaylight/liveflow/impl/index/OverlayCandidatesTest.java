/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opendaylight.liveflow.impl.testing.SnapshotAssert.assertSameChange;
import static org.opendaylight.liveflow.impl.testing.SnapshotAssert.assertSameContent;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.mdsal.binding.dom.codec.impl.BindingCodecContext;
import org.opendaylight.mdsal.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.LivenessSettings;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Ports;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Trunks;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.PortKey;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTree;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidate;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeModification;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;

/**
 * Candidates from the data tree the datastore commits through (yangtools' in-memory data tree, with the binding
 * codec the datastore stores through) are read entry by entry into snapshots equal to converting the whole overlay
 * after each commit, whatever the shape of the write: a whole overlay, one entry, a merge, a deletion of an entry or
 * of a whole list, settings.
 */
class OverlayCandidatesTest {
    private static final InstanceIdentifier<Overlay> OVERLAY = InstanceIdentifier.create(Overlay.class);

    private final BindingCodecContext codec =
        new BindingCodecContext(BindingRuntimeHelpers.createRuntimeContext(Overlay.class));
    private final DataTree tree = new InMemoryDataTreeFactory().create(DataTreeConfiguration.DEFAULT_CONFIGURATION,
        codec.getRuntimeContext().getEffectiveModelContext());
    private final OverlayCandidates reader = new OverlayCandidates(codec);
    private final YangInstanceIdentifier overlayPath = codec.toYangInstanceIdentifier(OVERLAY);
    private ConfigSnapshot derived = ConfigSnapshot.empty();

    @Test
    void everyShapeOfWriteIsReadEntryByEntry() {
        final TestOverlay base = TestOverlay.base().withRouter("r1", List.of("s1")).withTrunk("tr1", "p1", "p2:100")
            .withLiveness(500, 2000);
        commit("write the whole overlay", mod -> write(mod, OVERLAY, base.overlay()));
        assertEquals(Set.of("p1", "p2"), derived.ports().keySet());

        final Port p3 = port("p3", "net1", "fa:16:3e:00:00:03", "s1", "10.0.0.13").build();
        commit("write one port", mod -> write(mod, portPath("p3"), p3));
        commit("merge a changed port", mod -> mod.merge(codec.toYangInstanceIdentifier(portPath("p3")),
            node(portPath("p3"), port("p3", "net1", "fa:16:3e:00:00:33", "s1", "10.0.0.13").build())));
        commit("write a port as it is", mod -> write(mod, portPath("p3"), derived.ports().get("p3")));
        commit("delete one port", mod -> mod.delete(codec.toYangInstanceIdentifier(portPath("p3"))));
        commit("write settings", mod -> write(mod, OVERLAY.child(LivenessSettings.class),
            TestOverlay.base().withLiveness(700, 3000).overlay().getLivenessSettings()));
        commit("delete every trunk and port", mod -> {
            mod.delete(codec.toYangInstanceIdentifier(OVERLAY.child(Trunks.class)));
            mod.delete(codec.toYangInstanceIdentifier(OVERLAY.child(Ports.class)));
        });
        assertTrue(derived.ports().isEmpty());
        commit("replace the whole overlay", mod -> write(mod, OVERLAY, TestOverlay.base()
            .without(ConfigKind.CHASSIS, "c2").withPort(port("p2", "net1", "fa:16:3e:00:00:02")).overlay()));
        assertEquals(Set.of("c1"), derived.chassis().keySet());
        commit("delete the whole overlay", mod -> mod.delete(overlayPath));
        assertTrue(derived.chassis().isEmpty());
    }

    private void commit(final String what, final Consumer<DataTreeModification> change) {
        final DataTreeModification mod = tree.takeSnapshot().newModification();
        change.accept(mod);
        mod.ready();
        final DataTreeCandidate candidate;
        try {
            tree.validate(mod);
            candidate = tree.prepare(mod);
        } catch (DataValidationFailedException e) {
            throw new AssertionError(what, e);
        }
        tree.commit(candidate);
        final DataTreeCandidateNode overlay = candidate.getRootNode().modifiedChild(overlayPath.getLastPathArgument());
        final NormalizedNode after = tree.takeSnapshot().readNode(overlayPath).orElse(null);
        final ConfigSnapshot whole = reader.snapshotOf(overlayPath, after);
        final OverlayCandidates.Derived read = overlay == null
            ? new OverlayCandidates.Derived(derived, ConfigChange.none())
            : reader.derive(derived, overlayPath, overlay);
        assertSameContent(whole, read.snapshot(), what);
        assertSameChange(ConfigChange.between(derived, whole), read.change(), what);
        derived = read.snapshot();
    }

    private <T extends DataObject> void write(final DataTreeModification mod, final InstanceIdentifier<T> path,
            final T data) {
        mod.write(codec.toYangInstanceIdentifier(path), node(path, data));
    }

    private <T extends DataObject> NormalizedNode node(final InstanceIdentifier<T> path, final T data) {
        return codec.toNormalizedDataObject(path, data).node();
    }

    private static InstanceIdentifier<Port> portPath(final String id) {
        return OVERLAY.child(Ports.class).child(Port.class, new PortKey(TestOverlay.id(id)));
    }
}
