/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.opendaylight.liveflow.impl.testing.SnapshotAssert.assertSameContent;
import static org.opendaylight.liveflow.impl.testing.TestOverlay.port;

import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.testing.TestOverlay;
import org.opendaylight.mdsal.binding.dom.codec.impl.BindingCodecContext;
import org.opendaylight.mdsal.binding.runtime.spi.BindingRuntimeHelpers;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.Ports;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.PortKey;
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
 * The commit cohort and the configuration index share their snapshots through {@link ValidatedOverlays}, on the data
 * tree the datastore commits through: the index adopts what the cohort validated when it was derived from the index's
 * own snapshot (one copy of every port), and derives its own otherwise (an aborted validation, a commit the cohort
 * never saw, the cohort ahead of the index); either way its snapshot holds what converting the whole tree gives.
 */
class ValidatedOverlaysTest {
    private static final InstanceIdentifier<Overlay> OVERLAY = InstanceIdentifier.create(Overlay.class);

    private final BindingCodecContext codec =
        new BindingCodecContext(BindingRuntimeHelpers.createRuntimeContext(Overlay.class));
    private final DataTree tree = new InMemoryDataTreeFactory().create(DataTreeConfiguration.DEFAULT_CONFIGURATION,
        codec.getRuntimeContext().getEffectiveModelContext());
    private final OverlayCandidates reader = new OverlayCandidates(codec);
    private final YangInstanceIdentifier overlayPath = codec.toYangInstanceIdentifier(OVERLAY);
    private final ValidatedOverlays overlays = new ValidatedOverlays();
    /** The index's snapshot, and how many of its snapshots it derived itself rather than adopting the cohort's. */
    private ConfigSnapshot index = ConfigSnapshot.empty();
    private int derivedByIndex;

    @Test
    void theIndexAdoptsWhatTheCohortValidated() {
        final ConfigSnapshot validated = commitValidated(mod -> write(mod, TestOverlay.base().overlay()));
        assertSame(validated, index);
        final ConfigSnapshot second = commitValidated(writePort("p3", "fa:16:3e:00:00:03"));
        assertSame(second, index);
        assertSame(validated.ports().get("p1"), index.ports().get("p1"), "an unchanged port is one object");
        assertEquals(0, derivedByIndex);
        assertEquals(Set.of("p1", "p2", "p3"), index.ports().keySet());
    }

    @Test
    void anAbortedValidationIsNotAdopted() {
        commitValidated(mod -> write(mod, TestOverlay.base().overlay()));
        final DataTreeCandidate aborted = prepare(writePort("p9", "fa:16:3e:00:00:09"));
        final ConfigSnapshot refused = validate(aborted);
        final ConfigSnapshot kept = commitValidated(writePort("p3", "fa:16:3e:00:00:03"));
        assertSame(kept, index);
        assertNotSame(refused, index);
        assertEquals(Set.of("p1", "p2", "p3"), index.ports().keySet());
    }

    @Test
    void aCommitTheCohortNeverSawIsDerivedAndTheNextIsSharedAgain() {
        commitValidated(mod -> write(mod, TestOverlay.base().overlay()));
        // replicated from another member: this member's cohort never validated it
        final DataTreeCandidate replicated = prepare(writePort("p3", "fa:16:3e:00:00:03"));
        tree.commit(replicated);
        indexCommitted(replicated);
        assertEquals(1, derivedByIndex);
        final ConfigSnapshot next = commitValidated(writePort("p4", "fa:16:3e:00:00:04"));
        assertSame(next, index, "the cohort derived from the index's own snapshot again");
        assertEquals(1, derivedByIndex);
        assertEquals(Set.of("p1", "p2", "p3", "p4"), index.ports().keySet());
    }

    @Test
    void anIndexBehindTheCohortCatchesUpWithTheCohortsSnapshots() {
        commitValidated(mod -> write(mod, TestOverlay.base().overlay()));
        final DataTreeCandidate first = prepare(writePort("p3", "fa:16:3e:00:00:03"));
        validate(first);
        tree.commit(first);
        final DataTreeCandidate second = prepare(writePort("p4", "fa:16:3e:00:00:04"));
        final ConfigSnapshot validatedSecond = validate(second);
        tree.commit(second);
        indexCommitted(first);
        indexCommitted(second);
        assertSame(validatedSecond, index);
        assertEquals(0, derivedByIndex);
    }

    /** Prepares, validates (the cohort) and commits a change, then tells the index; returns what the cohort made. */
    private ConfigSnapshot commitValidated(final Consumer<DataTreeModification> change) {
        final DataTreeCandidate candidate = prepare(change);
        final ConfigSnapshot validated = validate(candidate);
        tree.commit(candidate);
        indexCommitted(candidate);
        return validated;
    }

    /** What OverlayCommitCohort does with a candidate. */
    private ConfigSnapshot validate(final DataTreeCandidate candidate) {
        final DataTreeCandidateNode overlay = overlayOf(candidate);
        final NormalizedNode beforeTree = overlay.dataBefore();
        final ConfigSnapshot before = beforeTree == null ? ConfigSnapshot.empty()
            : overlays.snapshotOf(beforeTree).orElseGet(() -> {
                final ConfigSnapshot whole = reader.snapshotOf(overlayPath, beforeTree);
                overlays.remember(beforeTree, whole);
                return whole;
            });
        final OverlayCandidates.Derived after = reader.derive(before, overlayPath, overlay);
        overlays.validated(overlay.dataAfter(), before, after);
        return after.snapshot();
    }

    /** What ConfigIndexService does with a committed candidate. */
    private void indexCommitted(final DataTreeCandidate candidate) {
        final DataTreeCandidateNode overlay = overlayOf(candidate);
        final NormalizedNode after = overlay.dataAfter();
        final OverlayCandidates.Derived next = overlays.validatedFrom(index, after).orElseGet(() -> {
            derivedByIndex++;
            return reader.derive(index, overlayPath, overlay);
        });
        overlays.remember(after, next.snapshot());
        index = next.snapshot();
        assertSameContent(reader.snapshotOf(overlayPath, after), index, "the index after a commit");
    }

    private DataTreeCandidate prepare(final Consumer<DataTreeModification> change) {
        final DataTreeModification mod = tree.takeSnapshot().newModification();
        change.accept(mod);
        mod.ready();
        try {
            tree.validate(mod);
            return tree.prepare(mod);
        } catch (DataValidationFailedException e) {
            throw new AssertionError(e);
        }
    }

    private DataTreeCandidateNode overlayOf(final DataTreeCandidate candidate) {
        return candidate.getRootNode().modifiedChild(overlayPath.getLastPathArgument());
    }

    private void write(final DataTreeModification mod, final Overlay overlay) {
        mod.write(overlayPath, codec.toNormalizedDataObject(OVERLAY, overlay).node());
    }

    private Consumer<DataTreeModification> writePort(final String id, final String mac) {
        return mod -> {
            final InstanceIdentifier<Port> path = OVERLAY.child(Ports.class).child(Port.class,
                new PortKey(TestOverlay.id(id)));
            mod.write(codec.toYangInstanceIdentifier(path),
                codec.toNormalizedDataObject(path, port(id, "net1", mac).build()).node());
        };
    }
}
