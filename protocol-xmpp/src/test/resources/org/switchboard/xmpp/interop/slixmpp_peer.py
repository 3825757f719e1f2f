"""An independent XMPP peer for interop tests: slixmpp (Debian python3-slixmpp).

Usage: slixmpp_peer.py JID PASSWORD HOST PORT CA_FILE PEER_JID
Says hello to PEER_JID once the session starts, answers every chat message with
"echo: <body>", and prints READY / GOT <body> lines on stdout for the test to follow.
"""
import asyncio
import sys

import slixmpp


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid, password, peer, ca_file):
        super().__init__(jid, password)
        self.peer = peer
        self.ca_certs = ca_file
        self.add_event_handler("session_start", self.start)
        self.add_event_handler("message", self.on_message)
        self.add_event_handler("failed_auth", lambda _: self.fail("auth"))

    def fail(self, why):
        print("FAILED " + why, flush=True)
        sys.exit(2)

    async def start(self, _event):
        self.send_presence()
        await self.get_roster()
        print("READY", flush=True)
        self.send_message(mto=self.peer, mbody="hello from slixmpp 你好", mtype="chat")

    def on_message(self, msg):
        if msg["type"] in ("chat", "normal") and msg["body"]:
            print("GOT " + msg["body"], flush=True)
            msg.reply("echo: " + msg["body"]).send()


def main():
    jid, password, host, port, ca_file, peer = sys.argv[1:7]
    xmpp = Peer(jid, password, peer, ca_file)
    xmpp.connect((host, int(port)))
    asyncio.get_event_loop().run_forever()


if __name__ == "__main__":
    main()
