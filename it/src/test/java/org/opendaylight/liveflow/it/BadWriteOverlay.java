/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it;

/**
 * A valid overlay with an entry in every list of the model (nested ones included) and both settings containers:
 * the stored data every generated bad write starts from.
 */
final class BadWriteOverlay {
    static final String JSON = """
        {"liveflow:overlay": {
          "migration-settings": {"binding-timeout": 120},
          "liveness-settings": {"probe-interval": 1000, "dead-after": 2500},
          "chassis-registry": {"chassis": [{"name": "c1", "datapath-id": 1, "tunnel-ip": "192.0.2.1",
            "tunnel-type": "vxlan", "admin-state-up": true,
            "bridge-mapping": [{"physical-network": "physnet1", "interface-name": "ext"}]}]},
          "tenants": {"tenant": [{"id": "t1", "name": "tenant one"}]},
          "quotas": {"quota": [{"tenant": "t1", "ports": 100, "networks": 10, "subnets": 10, "routers": 5,
            "floating-ips": 10}]},
          "networks": {"network": [
            {"id": "net1", "tenant": "t1", "name": "one", "segmentation-id": 1001, "admin-state-up": true},
            {"id": "net2", "tenant": "t1", "segmentation-id": 1002},
            {"id": "ext", "tenant": "t1", "segmentation-id": 4000, "external": true,
             "physical-network": "physnet1"}]},
          "subnets": {"subnet": [
            {"id": "s1", "tenant": "t1", "network": "net1", "cidr": "10.0.0.0/24", "gateway-ip": "10.0.0.1"},
            {"id": "s2", "tenant": "t1", "network": "net2", "cidr": "10.1.0.0/24", "gateway-ip": "10.1.0.1"},
            {"id": "ext-s", "tenant": "t1", "network": "ext", "cidr": "203.0.113.0/24",
             "gateway-ip": "203.0.113.254", "gateway-mac": "02:fe:00:00:00:01"}]},
          "routers": {"router": [{"id": "r1", "tenant": "t1", "name": "edge", "mac-address": "fa:16:3e:ff:00:01",
            "admin-state-up": true,
            "interface": [{"subnet": "s1", "ip-address": "10.0.0.1"}, {"subnet": "ext-s"}],
            "static-route": [{"destination": "10.9.0.0/24", "next-hop": "10.0.0.5"}]}]},
          "ports": {"port": [
            {"id": "p1", "tenant": "t1", "name": "vm1", "network": "net1", "mac-address": "fa:16:3e:00:00:01",
             "fixed-ip": [{"ip-address": "10.0.0.5", "subnet": "s1"}], "binding-chassis": "c1",
             "interface-name": "tap-p1", "vnic-type": "normal", "admin-state-up": true,
             "port-security-enabled": true, "device-owner": "compute",
             "allowed-address-pair": [{"ip-address": "10.0.0.100", "mac-address": "fa:16:3e:00:00:64"}]},
            {"id": "p2", "tenant": "t1", "network": "net2", "mac-address": "fa:16:3e:00:00:02",
             "fixed-ip": [{"ip-address": "10.1.0.5", "subnet": "s2"}]}]},
          "trunks": {"trunk": [{"id": "tr1", "tenant": "t1", "parent-port": "p1",
            "sub-port": [{"port": "p2", "vlan-id": 100}]}]},
          "floating-ips": {"floating-ip": [{"id": "fip1", "tenant": "t1", "floating-ip-address": "203.0.113.10",
            "port": "p1", "fixed-ip-address": "10.0.0.5", "mac-address": "fa:16:3e:aa:00:01"}]}
        }}
        """;

    private BadWriteOverlay() {
        // the fixture's text
    }
}
