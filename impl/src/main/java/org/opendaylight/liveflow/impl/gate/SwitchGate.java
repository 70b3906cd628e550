/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.gate;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.opendaylight.liveflow.api.ConfigIndex;
import org.opendaylight.liveflow.impl.gate.RefusedConnections.Refusals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switches' way in: liveflow listens where switches connect and relays each connection to the OpenFlowPlugin,
 * which listens on loopback only. The plugin (0.17.3) gives a datapath id to whichever connection presented it
 * last, closing the older one, and lets no application refuse a connection; the gate refuses it first: a second
 * main connection claiming a datapath id that a connected switch holds, or (over TLS) a certificate whose name is
 * not the chassis registered with that datapath id (see {@link ClaimCheck}, {@link SwitchClaims}).
 */
@Component(service = SwitchGateStatus.class, immediate = true, configurationPid = GateSettings.PID)
public final class SwitchGate implements SwitchGateStatus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchGate.class);

    private final ConfigIndex index;
    private final SwitchClaims claims = new SwitchClaims();
    private final RefusedConnections refused = new RefusedConnections();
    private final AtomicLong connections = new AtomicLong();
    private final List<Channel> listeners = new ArrayList<>();
    private final PacketInTaps packetIns;
    private final SwitchWriters writers;
    private final GateSettings settings;
    private final EventLoopGroup group;

    @Activate
    public SwitchGate(@Reference final ConfigIndex index, @Reference final PacketInTaps packetIns,
            @Reference final SwitchWriters writers, final Map<String, Object> properties) {
        this.index = index;
        this.packetIns = packetIns;
        this.writers = writers;
        final GateSettings.Parsed parsed = GateSettings.parse(properties);
        if (parsed.settings().isEmpty()) {
            LOG.error("Switch gate: not listening, {} is not valid: {}", GateSettings.PID, parsed.errors());
            settings = null;
            group = null;
            return;
        }
        settings = parsed.settings().orElseThrow();
        if (!settings.enabled()) {
            LOG.info("Switch gate: disabled ({}); switches connect to the OpenFlowPlugin directly", GateSettings.PID);
            group = null;
            return;
        }
        group = new NioEventLoopGroup(2, new DefaultThreadFactory("liveflow-switch-gate", true));
        try {
            final Optional<SslContext> tls = tlsContext(settings);
            for (int port : settings.listenPorts()) {
                listeners.add(listen(port, tls));
            }
            LOG.info("Switch gate: switches connect to {}, relayed to the OpenFlowPlugin at {}",
                settings.listenAddress() + " " + settings.listenPorts() + (tls.isPresent() ? " over TLS" : ""),
                settings.upstreamAddress() + ":" + settings.upstreamPort());
        } catch (IOException | GeneralSecurityException | InterruptedException e) {
            LOG.error("Switch gate: cannot listen on {} {}; no switch can connect", settings.listenAddress(),
                settings.listenPorts(), e);
            close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Channel listen(final int port, final Optional<SslContext> tls) throws IOException, InterruptedException {
        final var future = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel channel) {
                    tls.ifPresent(context -> channel.pipeline().addLast(context.newHandler(channel.alloc())));
                    channel.pipeline().addLast(new SwitchConnection(connections.incrementAndGet(), SwitchGate.this));
                }
            })
            .bind(settings.listenAddress(), port).await();
        if (!future.isSuccess()) {
            throw new IOException("cannot listen on " + settings.listenAddress() + ":" + port, future.cause());
        }
        return future.channel();
    }

    private static Optional<SslContext> tlsContext(final GateSettings settings) throws IOException,
            GeneralSecurityException {
        if (settings.tls().isEmpty()) {
            return Optional.empty();
        }
        final GateSettings.Tls tls = settings.tls().orElseThrow();
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store(tls.keystore(), tls.keystoreType(), tls.keystorePassword()),
            tls.keystorePassword().toCharArray());
        final TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store(tls.truststore(), tls.truststoreType(), tls.truststorePassword()));
        // a switch without a certificate of the operator's CA does not get past the handshake
        return Optional.of(SslContextBuilder.forServer(keys).trustManager(trust).clientAuth(ClientAuth.REQUIRE)
            .build());
    }

    private static KeyStore store(final String path, final String type, final String password) throws IOException,
            GeneralSecurityException {
        final KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    String upstreamAddress() {
        return settings.upstreamAddress();
    }

    int upstreamPort() {
        return settings.upstreamPort();
    }

    SwitchClaims claims() {
        return claims;
    }

    RefusedConnections refused() {
        return refused;
    }

    /**
     * The chassis registered with {@code datapathId}, if any (read from the configuration index at each claim).
     */
    Optional<String> chassisWithDatapathId(final long datapathId) {
        return index.current().chassis().values().stream()
            .filter(chassis -> chassis.getDatapathId() != null && chassis.getDatapathId().longValue() == datapathId)
            .map(chassis -> chassis.getName().getValue()).findFirst();
    }

    @Override
    public boolean enabled() {
        return !listeners.isEmpty();
    }

    PacketInTaps packetIns() {
        return packetIns;
    }

    SwitchWriters writers() {
        return writers;
    }

    @Override
    public Optional<Refusals> refusals(final long datapathId) {
        return refused.of(datapathId);
    }

    @Deactivate
    @Override
    public void close() {
        // closed before a new configuration's gate binds the same ports
        listeners.forEach(listener -> listener.close().awaitUninterruptibly());
        listeners.clear();
        if (group != null) {
            // closing the gate closes its switches' connections; they reconnect when it listens again
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }
}
