/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.api;

import java.util.Map;
import java.util.function.Function;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.ResourceId;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.chassis.registry.Chassis;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.floating.ips.FloatingIp;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.ports.Port;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.quotas.Quota;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.routers.Router;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.subnets.Subnet;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.tenants.Tenant;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.trunks.Trunk;
import org.opendaylight.yangtools.yang.binding.DataObject;

/**
 * The kinds of object the overlay lists, each with its YANG list entry type, how its key reads and where a
 * snapshot keeps it.
 */
public enum ConfigKind {
    CHASSIS(Chassis.class, object -> ((Chassis) object).getName(), ConfigSnapshot::chassis),
    TENANT(Tenant.class, object -> ((Tenant) object).getId(), ConfigSnapshot::tenants),
    QUOTA(Quota.class, object -> ((Quota) object).getTenant(), ConfigSnapshot::quotas),
    NETWORK(Network.class, object -> ((Network) object).getId(), ConfigSnapshot::networks),
    SUBNET(Subnet.class, object -> ((Subnet) object).getId(), ConfigSnapshot::subnets),
    ROUTER(Router.class, object -> ((Router) object).getId(), ConfigSnapshot::routers),
    PORT(Port.class, object -> ((Port) object).getId(), ConfigSnapshot::ports),
    TRUNK(Trunk.class, object -> ((Trunk) object).getId(), ConfigSnapshot::trunks),
    FLOATING_IP(FloatingIp.class, object -> ((FloatingIp) object).getId(), ConfigSnapshot::floatingIps);

    private final Class<? extends DataObject> type;
    private final Function<DataObject, ResourceId> key;
    private final Function<ConfigSnapshot, Map<String, ? extends DataObject>> in;

    ConfigKind(final Class<? extends DataObject> type, final Function<DataObject, ResourceId> key,
            final Function<ConfigSnapshot, Map<String, ? extends DataObject>> in) {
        this.type = type;
        this.key = key;
        this.in = in;
    }

    /**
     * Returns the kind of a list entry read from the datastore.
     *
     * @throws IllegalArgumentException when the object is no entry of an overlay list
     */
    public static ConfigKind of(final DataObject object) {
        final Class<? extends DataObject> implemented = object.implementedInterface();
        for (ConfigKind kind : values()) {
            if (kind.type == implemented) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not an entry of an overlay list: " + implemented.getName());
    }

    /**
     * Returns the key of an entry of this kind as a string (empty when a hand-built entry has none).
     */
    public String idOf(final DataObject object) {
        return ConfigSnapshot.idOf(key.apply(object));
    }

    /**
     * Returns the entries of this kind in a snapshot, by id.
     */
    public Map<String, ? extends DataObject> in(final ConfigSnapshot snapshot) {
        return in.apply(snapshot);
    }
}
