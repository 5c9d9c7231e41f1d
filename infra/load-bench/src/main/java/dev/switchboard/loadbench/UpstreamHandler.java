package dev.switchboard.loadbench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Answers every chat completion with the fixed bodies of {@link UpstreamAnswers}; anything else is a 404. */
@ChannelHandler.Sharable
final class UpstreamHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final ByteBuf completion = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(UpstreamAnswers.completion()));
    private final List<ByteBuf> events = UpstreamAnswers.streamEvents().stream()
            .map(bytes -> Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes))).toList();
    private final int chunkGapMs;

    UpstreamHandler(int chunkGapMs) {
        this.chunkGapMs = chunkGapMs;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.method() != HttpMethod.POST || !request.uri().endsWith("/chat/completions")) {
            FullHttpResponse notFound = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
            notFound.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            finish(ctx.writeAndFlush(notFound), keepAlive);
            return;
        }
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        if (UpstreamAnswers.asksForStream(body)) {
            stream(ctx, keepAlive);
            return;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                completion.duplicate());
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, completion.readableBytes());
        finish(ctx.writeAndFlush(response), keepAlive);
    }

    private void stream(ChannelHandlerContext ctx, boolean keepAlive) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.write(head);
        sendEvent(ctx, 0, keepAlive);
    }

    /** Sends event {@code index} now and schedules the next one a gap later (or at once without a gap). */
    private void sendEvent(ChannelHandlerContext ctx, int index, boolean keepAlive) {
        if (!ctx.channel().isActive()) {
            return;
        }
        ctx.writeAndFlush(new DefaultHttpContent(events.get(index).duplicate()));
        if (index + 1 == events.size()) {
            finish(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
        } else if (chunkGapMs <= 0) {
            sendEvent(ctx, index + 1, keepAlive);
        } else {
            ctx.executor().schedule(() -> sendEvent(ctx, index + 1, keepAlive), chunkGapMs, TimeUnit.MILLISECONDS);
        }
    }

    private static void finish(io.netty.channel.ChannelFuture written, boolean keepAlive) {
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
