/** One message of a `text/event-stream`: its `event:` name (default `message`) and `data:` lines joined. */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/**
 * An incremental parser of the event-stream format (WHATWG HTML, "server-sent
 * events"): feed it decoded text as it arrives, in chunks cut anywhere, and it
 * returns the messages each chunk completed.
 */
export class ServerSentEventParser {
  private buffer = "";
  private event = "";
  private data: string[] = [];
  private dataLength = 0;

  /**
   * Characters of the message still being received (the unparsed rest and its
   * data lines so far): a stream that never ends a line or a message is stopped
   * by its reader when this passes a limit, rather than buffered forever.
   */
  get pendingLength(): number {
    return this.buffer.length + this.dataLength;
  }

  push(text: string): ServerSentEvent[] {
    this.buffer += text;
    const messages: ServerSentEvent[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      // A lone "\r" at the end may be the first half of "\r\n": wait for more.
      if (end === -1 || (end === this.buffer.length - 1 && this.buffer[end] === "\r")) break;
      const line = this.buffer.slice(0, end);
      const breakLength = this.buffer.startsWith("\r\n", end) ? 2 : 1;
      this.buffer = this.buffer.slice(end + breakLength);
      const message = this.line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === "") {
      const message =
        this.data.length > 0
          ? { event: this.event || "message", data: this.data.join("\n") }
          : undefined;
      this.event = "";
      this.data = [];
      this.dataLength = 0;
      return message;
    }
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.event = value;
    else if (field === "data") {
      this.data.push(value);
      this.dataLength += value.length + 1;
    }
    // `id` and `retry` are not used: the stream reconnects on its own schedule.
    return undefined;
  }
}
