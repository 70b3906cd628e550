/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.compiler;

import static org.opendaylight.liveflow.api.ConfigSnapshot.idOf;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opendaylight.liveflow.impl.compiler.Action.Field;
import org.opendaylight.yang.gen.v1.urn.opendaylight.liveflow.rev261123.overlay.networks.Network;

/**
 * Floating IPs: a stateless 1:1 NAT in standard OpenFlow 1.3 ({@code set_field} on the IPv4 addresses), done on
 * the chassis where the floating IP's port runs, through the interface the chassis' bridge mapping names for the
 * external network's physical network:
 * <ul>
 *   <li>table 0: what arrives on that interface is tagged with the external network and goes to table 20;</li>
 *   <li>table 20: the external gateway's ARP request for the floating IP is answered with the floating IP's
 *       MAC, only where the floating IP lives now (OpenFlow 1.3 cannot copy a requester's addresses into a
 *       reply, so the reply is addressed to the gateway, the provider router traffic to floating IPs comes
 *       through);</li>
 *   <li>table 30, inbound: a packet for the floating IP's MAC and address gets the fixed IP as destination, the
 *       router's MAC as source and the port's MAC as destination, its TTL decremented, and goes to the L2 lookup
 *       in the port's network, which reaches both copies of a migrating port;</li>
 *   <li>outbound: table 30 marks what the port sends to its router from the fixed IP, in the port's network
 *       ({@link Metadata#FLOATING_IP_SOURCE}, above the router's own entry), and takes it into the router's
 *       routes; in table 35, for no destination of the router's own (priority {@link #OUTBOUND}, below every
 *       route), it leaves with the floating IP as source, the floating IP's MAC as source MAC and the gateway's
 *       as destination, its TTL decremented.</li>
 * </ul>
 * The source of a switched migration keeps the inbound NAT only, to forward what the external switch still sends
 * it until the destination's gratuitous ARP moved the floating IP.
 */
final class FloatingIpFlows implements FlowConcern {
    static final int CLASSIFY = 100;
    static final int ARP_PRIORITY = 110;
    static final int INBOUND = RouterFlows.ROUTE_BASE + 32;
    static final int SOURCE = RouterFlows.ENTRY + 10;
    static final int OUTBOUND = RouterFlows.ROUTE_BASE - 1;

    @Override
    public void compile(final CompileContext context, final List<FlowSpec> flows, final List<GroupSpec> groups) {
        final Map<Long, Network> classified = new TreeMap<>();
        for (CompileContext.HostedFloatingIp hosted : context.floatingIps()) {
            final FloatingIpView fip = hosted.view();
            final Long external = context.externalPorts().get(fip.physicalNetwork());
            if (external == null) {
                continue;
            }
            classified.putIfAbsent(external, fip.external());
            final Owner owner = Owner.floatingIp(fip.id());
            final long externalVni = CompileContext.vni(fip.external());
            final Network portNetwork = context.config().networks().get(idOf(fip.port().getNetwork()));
            if (hosted.answersArp()) {
                flows.add(FlowSpec.apply(Table.ARP_RESPONDER, ARP_PRIORITY,
                    Match.any().withMetadata(Metadata.ingress(external), Metadata.INGRESS_MASK)
                        .withArp(Match.ARP_REQUEST, fip.gatewayIp(), fip.address(), null),
                    List.of(
                        new Action.SetField(Field.ETH_DST, fip.gatewayMac()),
                        new Action.SetField(Field.ETH_SRC, fip.mac()),
                        new Action.SetField(Field.ARP_OP, Integer.toString(Match.ARP_REPLY)),
                        new Action.SetField(Field.ARP_THA, fip.gatewayMac()),
                        new Action.SetField(Field.ARP_TPA, fip.gatewayIp()),
                        new Action.SetField(Field.ARP_SHA, fip.mac()),
                        new Action.SetField(Field.ARP_SPA, fip.address()),
                        new Action.OutputInPort()),
                    owner));
            }
            flows.add(new FlowSpec(Table.L3, INBOUND,
                Match.any().withMetadata(Metadata.network(externalVni), Metadata.NETWORK_MASK)
                    .withEthDst(fip.mac(), null).withIpv4Dst(fip.address()),
                List.of(
                    new Action.SetField(Field.IPV4_DST, fip.fixedIp()),
                    new Action.SetField(Field.ETH_SRC, fip.routerMac()),
                    new Action.SetField(Field.ETH_DST, ArpResponderFlows.mac(fip.port())),
                    new Action.DecNwTtl()),
                Metadata.network(CompileContext.vni(portNetwork)), Metadata.NETWORK_MASK, Table.L2_LOOKUP, owner));
            if (!hosted.forwardOnly()) {
                context.routers().stream().filter(router -> router.id().equals(fip.routerId())).findFirst()
                    .ifPresent(router -> outbound(fip, portNetwork, router.scopeOf(portNetwork), external, owner,
                        flows));
            }
        }
        classified.forEach((ofport, network) -> flows.add(new FlowSpec(Table.CLASSIFIER, CLASSIFY,
            Match.any().withInPort(ofport), List.of(),
            Metadata.network(CompileContext.vni(network)) | Metadata.ingress(ofport),
            Metadata.NETWORK_MASK | Metadata.INGRESS_MASK, Table.ARP_RESPONDER, Owner.network(idOf(network.getId())))));
    }

    /**
     * Adds the outbound NAT: table 30 marks what the port sends to its router from the fixed IP, in the port's
     * network, and table 35 translates it below every route of the router.
     */
    private static void outbound(final FloatingIpView fip, final Network portNetwork, final long scope,
            final long external, final Owner owner, final List<FlowSpec> flows) {
        final long marked = Metadata.network(scope) | Metadata.FLOATING_IP_SOURCE;
        final long markMask = Metadata.NETWORK_MASK | Metadata.FLOATING_IP_SOURCE;
        flows.add(new FlowSpec(Table.L3, SOURCE,
            Match.any().withMetadata(Metadata.network(CompileContext.vni(portNetwork)), Metadata.NETWORK_MASK)
                .withEthDst(fip.routerMac(), null).withIpv4Src(fip.fixedIp()),
            List.of(), marked, markMask, Table.ROUTES, owner));
        flows.add(FlowSpec.apply(Table.ROUTES, OUTBOUND,
            Match.any().withMetadata(marked, markMask).withEthDst(fip.routerMac(), null).withIpv4Src(fip.fixedIp()),
            List.of(
                new Action.SetField(Field.IPV4_SRC, fip.address()),
                new Action.SetField(Field.ETH_SRC, fip.mac()),
                new Action.SetField(Field.ETH_DST, fip.gatewayMac()),
                new Action.DecNwTtl(),
                new Action.Output(external)),
            owner));
    }
}
