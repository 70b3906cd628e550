/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.validation;

import static org.opendaylight.mdsal.common.api.LogicalDatastoreType.CONFIGURATION;

import com.google.common.util.concurrent.FluentFuture;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;
import org.opendaylight.liveflow.api.ConfigSnapshot;
import org.opendaylight.liveflow.impl.index.OverlayCandidates;
import org.opendaylight.liveflow.impl.index.ValidatedOverlays;
import org.opendaylight.mdsal.binding.dom.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.mdsal.common.api.DataValidationFailedException;
import org.opendaylight.mdsal.common.api.PostCanCommitStep;
import org.opendaylight.mdsal.dom.api.DOMDataBroker;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCandidate;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCommitCohort;
import org.opendaylight.mdsal.dom.api.DOMDataTreeCommitCohortRegistry;
import org.opendaylight.mdsal.dom.api.DOMDataTreeIdentifier;
import org.opendaylight.netconf.api.NetconfDocumentedException;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.Overlay;
import org.opendaylight.yangtools.concepts.Registration;
import org.opendaylight.yangtools.util.concurrent.FluentFutures;
import org.opendaylight.yangtools.yang.binding.InstanceIdentifier;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes part in every commit that touches the liveflow configuration and refuses it when
 * {@link OverlayValidator} finds a violation, so nothing invalid is ever stored.
 *
 * <p>It judges the overlay as the transaction would leave it (the candidate's data-after), which makes the result
 * independent of how writes are split into transactions and of the listeners' lag. It does so at the cost of what
 * the transaction touches: the snapshot before is the configuration index's (or its own) snapshot of the tree the
 * previous commit left, found by the identity of the datastore's immutable tree ({@link ValidatedOverlays}), the
 * snapshot after is derived from it by the entries the candidate wrote or removed ({@link OverlayCandidates}), and
 * the rules check only what those entries touch; the index then adopts that snapshot instead of deriving its own. The
 * refusal carries a {@link NetconfDocumentedException} because that is what RESTCONF turns into an HTTP error
 * with our message and error-tag (invalid-value: 400, resource-denied: 409) instead of a generic 500.
 */
@Component(service = {})
public final class OverlayCommitCohort implements DOMDataTreeCommitCohort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OverlayCommitCohort.class);
    private static final int MAX_REPORTED = 5;

    private final OverlayValidator validator = new OverlayValidator();
    private final OverlayCandidates reader;
    private final Registration registration;
    private final ValidatedOverlays overlays;

    @Activate
    public OverlayCommitCohort(@Reference final DOMDataBroker broker,
            @Reference final BindingNormalizedNodeSerializer codec, @Reference final ValidatedOverlays overlays) {
        this.overlays = overlays;
        reader = new OverlayCandidates(codec);
        final var registry = broker.getExtensions().getInstance(DOMDataTreeCommitCohortRegistry.class);
        if (registry == null) {
            throw new IllegalStateException("The data broker does not support commit cohorts; liveflow cannot "
                + "validate configuration without one");
        }
        final YangInstanceIdentifier path = codec.toYangInstanceIdentifier(InstanceIdentifier.create(Overlay.class));
        registration = registry.registerCommitCohort(new DOMDataTreeIdentifier(CONFIGURATION, path), this);
        LOG.info("liveflow configuration validation registered on {}", path);
    }

    @Deactivate
    @Override
    public void close() {
        registration.close();
    }

    /**
     * Answers with a future, always: an exception thrown from here would take down the datastore's cohort actor
     * without a reply, and the transaction would wait for the actor's 5 s timeout.
     */
    @Override
    @SuppressWarnings("checkstyle:IllegalCatch")
    public FluentFuture<PostCanCommitStep> canCommit(final Object txId, final EffectiveModelContext ctx,
            final Collection<DOMDataTreeCandidate> candidates) {
        try {
            return validate(candidates);
        } catch (RuntimeException e) {
            LOG.error("Could not validate a liveflow configuration change {}", txId, e);
            return FluentFutures.immediateFailedFluentFuture(failure(candidates.iterator().next().getRootPath(),
                "liveflow could not validate the change: " + e, ErrorTag.OPERATION_FAILED));
        }
    }

    private FluentFuture<PostCanCommitStep> validate(final Collection<DOMDataTreeCandidate> candidates) {
        for (DOMDataTreeCandidate candidate : candidates) {
            final List<Violation> violations = validate(candidate);
            if (!violations.isEmpty()) {
                return FluentFutures.immediateFailedFluentFuture(refusal(candidate.getRootPath(), violations));
            }
        }
        return PostCanCommitStep.NOOP_SUCCESSFUL_FUTURE;
    }

    private List<Violation> validate(final DOMDataTreeCandidate candidate) {
        final YangInstanceIdentifier path = candidate.getRootPath().getRootIdentifier();
        final var root = candidate.getRootNode();
        final ConfigSnapshot before = snapshotBefore(path, root.dataBefore());
        final OverlayCandidates.Derived after = reader.derive(before, path, root);
        final NormalizedNode afterData = root.dataAfter();
        if (afterData != null) {
            overlays.validated(afterData, before, after);
        }
        return validator.validate(before, after.snapshot(), after.change());
    }

    /**
     * The snapshot of the tree before: the index's or this cohort's, known by the tree's identity; the whole tree
     * is converted only for the first commit after a start (before the index read the datastore) or when commits
     * this member never saw came in between (replicated from another member).
     */
    private ConfigSnapshot snapshotBefore(final YangInstanceIdentifier path, final @Nullable NormalizedNode data) {
        if (data == null) {
            return ConfigSnapshot.empty();
        }
        return overlays.snapshotOf(data).orElseGet(() -> {
            final ConfigSnapshot snapshot = reader.snapshotOf(path, data);
            overlays.remember(data, snapshot);
            return snapshot;
        });
    }

    private static DataValidationFailedException refusal(final DOMDataTreeIdentifier path,
            final List<Violation> violations) {
        final String message = violations.stream().limit(MAX_REPORTED).map(Violation::message)
            .collect(Collectors.joining("; "))
            + (violations.size() > MAX_REPORTED ? "; and " + (violations.size() - MAX_REPORTED) + " more" : "");
        final ErrorTag tag = violations.get(0).kind() == Violation.Kind.CONFLICT ? ErrorTag.RESOURCE_DENIED
            : ErrorTag.INVALID_VALUE;
        LOG.info("Refused a liveflow configuration change: {}", message);
        return failure(path, message, tag);
    }

    /**
     * A failure RESTCONF answers with our message and the status of {@code tag} (it looks for a
     * NetconfDocumentedException among the causes).
     */
    private static DataValidationFailedException failure(final DOMDataTreeIdentifier path, final String message,
            final ErrorTag tag) {
        return new DataValidationFailedException(DOMDataTreeIdentifier.class, path, message,
            new NetconfDocumentedException(message, ErrorType.APPLICATION, tag, ErrorSeverity.ERROR));
    }
}
