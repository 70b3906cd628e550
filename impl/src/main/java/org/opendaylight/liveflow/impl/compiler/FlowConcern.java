/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import java.util.List;

/**
 * One concern of the pipeline (classification, port security, flooding...) turning a chassis' context into
 * flows and groups.
 */
interface FlowConcern {
    void compile(CompileContext context, List<FlowSpec> flows, List<GroupSpec> groups);
}
