"""An independent IRC client for interoperability tests: a raw socket, TLS checked against a CA file.

Usage: irc_peer.py HOST PORT CA_FILE NICK CHANNEL

Joins CHANNEL and prints READY. When someone else joins, greets the channel and that user
privately. Echoes every channel and private message back where it came from as "echo: TEXT".
Answers CTCP VERSION. Quits on a private "quit". Prints every line it receives as "<< LINE".
"""
import socket
import ssl
import sys


def main():
    host, port, ca_file, nick, channel = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    context = ssl.create_default_context(cafile=ca_file)
    sock = context.wrap_socket(socket.create_connection((host, port), timeout=30), server_hostname=host)
    sock.settimeout(60)

    def send(line):
        sock.sendall((line + "\r\n").encode("utf-8"))

    send("NICK " + nick)
    send("USER peer 0 * :python peer")
    buffer = b""
    while True:
        data = sock.recv(4096)
        if not data:
            return 1
        buffer += data
        while b"\r\n" in buffer:
            raw, buffer = buffer.split(b"\r\n", 1)
            line = raw.decode("utf-8", "replace")
            print("<< " + line, flush=True)
            source, _, rest = line.partition(" ") if line.startswith(":") else ("", "", line)
            sender = source[1:].split("!")[0]
            command, _, params = rest.partition(" ")
            if command == "PING":
                send("PONG " + params)
            elif command == "001":
                send("JOIN " + channel)
            elif command == "366":
                print("READY", flush=True)
            elif command == "JOIN" and sender != nick:
                send("PRIVMSG %s :hi from python 你好" % channel)
                send("PRIVMSG %s :hi privately 私聊" % sender)
            elif command == "PRIVMSG":
                target, _, text = params.partition(" :")
                if text.startswith("\x01"):
                    if text.startswith("\x01VERSION"):
                        send("NOTICE %s :\x01VERSION python-peer 1.0\x01" % sender)
                    continue
                if target.lower() == nick.lower():
                    if text == "quit":
                        send("QUIT :done")
                        print("DONE", flush=True)
                        return 0
                    send("PRIVMSG %s :echo: %s" % (sender, text))
                else:
                    send("PRIVMSG %s :echo: %s" % (target, text))


if __name__ == "__main__":
    sys.exit(main())
