/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.index;

import static java.util.Objects.requireNonNull;

import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigChange;
import org.opendaylight.liveflow.api.ConfigEdit;
import org.opendaylight.liveflow.api.ConfigKind;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.mdsal.binding.dom.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.LivenessSettings;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.MigrationSettings;
import org.opendaylight.yangtools.yang.binding.DataObject;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeCandidateNode;
import org.opendaylight.yangtools.yang.data.tree.api.ModificationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a datastore candidate under the overlay changed, entry by entry, into a {@link ConfigEdit}: only the
 * list entries the transaction wrote or removed are converted to binding objects, so a write costs the same
 * however many entries the overlay holds. Used by the commit cohort (validation) and by the configuration index.
 */
public final class OverlayCandidates {
    private static final Logger LOG = LoggerFactory.getLogger(OverlayCandidates.class);
    private static final NodeIdentifier MIGRATION_SETTINGS = NodeIdentifier.create(MigrationSettings.QNAME);
    private static final NodeIdentifier LIVENESS_SETTINGS = NodeIdentifier.create(LivenessSettings.QNAME);

    private final BindingNormalizedNodeSerializer codec;

    public OverlayCandidates(final BindingNormalizedNodeSerializer codec) {
        this.codec = requireNonNull(codec);
    }

    /**
     * Returns the snapshot of a whole overlay tree: a conversion of every entry, for the first candidate seen.
     */
    public ConfigSnapshot snapshotOf(final YangInstanceIdentifier overlayPath, final @Nullable NormalizedNode data) {
        return data == null ? ConfigSnapshot.empty()
            : ConfigSnapshot.of((Overlay) codec.fromNormalizedNode(overlayPath, data).getValue());
    }

    /**
     * A snapshot derived from the one before by a candidate, and what the candidate changed.
     */
    public record Derived(ConfigSnapshot snapshot, ConfigChange change) {
    }

    /**
     * Derives the snapshot after a candidate of the overlay container from the snapshot before it, entry by entry.
     * A candidate this reader cannot read entry by entry is logged and handled by converting the whole overlay after
     * it and comparing whole snapshots: correct, only slower.
     */
    public Derived derive(final ConfigSnapshot before, final YangInstanceIdentifier overlayPath,
            final DataTreeCandidateNode overlay) {
        final ConfigEdit edit = before.edit();
        try {
            if (overlay.dataAfter() == null) {
                // the whole overlay deleted: every entry goes, and the snapshot still gets a number of its own
                for (ConfigKind kind : ConfigKind.values()) {
                    kind.in(before).keySet().forEach(id -> edit.remove(kind, id));
                }
                edit.migrationSettings(null).livenessSettings(null);
            } else {
                readInto(edit, overlayPath, overlay);
            }
            return new Derived(edit.build(), edit.change());
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.warn("Could not read a liveflow configuration change entry by entry, converting the whole overlay", e);
            final ConfigSnapshot after = snapshotOf(overlayPath, overlay.dataAfter());
            return new Derived(after, ConfigChange.between(before, after));
        }
    }

    /**
     * Applies to {@code edit} every entry the candidate node of the overlay container changed.
     *
     * @throws IllegalStateException when the candidate holds a change this reader does not know how to read
     *     (the caller then compares whole snapshots instead)
     */
    public void readInto(final ConfigEdit edit, final YangInstanceIdentifier overlayPath,
            final DataTreeCandidateNode overlay) {
        for (DataTreeCandidateNode child : overlay.childNodes()) {
            if (child.modificationType() == ModificationType.UNMODIFIED) {
                continue;
            }
            final YangInstanceIdentifier childPath = overlayPath.node(child.name());
            if (MIGRATION_SETTINGS.equals(child.name())) {
                edit.migrationSettings((MigrationSettings) convert(childPath, child.dataAfter()));
            } else if (LIVENESS_SETTINGS.equals(child.name())) {
                edit.livenessSettings((LivenessSettings) convert(childPath, child.dataAfter()));
            } else {
                readList(edit, childPath, child);
            }
        }
    }

    /**
     * Reads a container that holds one list (networks/network, ports/port and so on).
     */
    private void readList(final ConfigEdit edit, final YangInstanceIdentifier containerPath,
            final DataTreeCandidateNode container) {
        for (DataTreeCandidateNode list : container.childNodes()) {
            if (list.modificationType() == ModificationType.UNMODIFIED) {
                continue;
            }
            final NormalizedNode shape = list.dataAfter() != null ? list.dataAfter() : list.dataBefore();
            if (!(shape instanceof MapNode)) {
                throw new IllegalStateException("expected a list under " + containerPath + ", found "
                    + (shape == null ? "nothing" : shape.getClass().getSimpleName()));
            }
            final YangInstanceIdentifier listPath = containerPath.node(list.name());
            for (DataTreeCandidateNode entry : list.childNodes()) {
                final NormalizedNode before = entry.dataBefore();
                final NormalizedNode after = entry.dataAfter();
                if (before == after) {
                    continue;
                }
                final YangInstanceIdentifier entryPath = listPath.node(entry.name());
                if (after != null) {
                    edit.put(convert(entryPath, after));
                } else {
                    edit.remove(convert(entryPath, before));
                }
            }
        }
    }

    private @Nullable DataObject convert(final YangInstanceIdentifier path, final @Nullable NormalizedNode data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof ContainerNode) && !(data instanceof MapEntryNode)) {
            throw new IllegalStateException("unexpected node at " + path + ": " + data.getClass().getSimpleName());
        }
        return (DataObject) codec.fromNormalizedNode(path, data).getValue();
    }
}
