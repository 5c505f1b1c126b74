// The peer in the seed's stack: Node + express + the official twilio package's
// validateRequest, deduplicating in memory. It does less than Switchboard (no database).
const express = require("express");
const twilio = require("twilio");

const token = process.env.BENCH_AUTH_TOKEN;
const publicUrl = process.env.BENCH_PUBLIC_URL;
const port = Number(process.env.BENCH_PORT || 0);
const seen = new Set();

const app = express();
app.use(express.urlencoded({ extended: false, limit: "1mb" }));
app.post("/twilio/sms-status", (req, res) => {
  const ok = twilio.validateRequest(token, req.get("X-Twilio-Signature") || "",
                                    publicUrl + req.originalUrl, req.body);
  if (!ok) return res.status(403).send("invalid signature");
  const key = req.get("I-Twilio-Idempotency-Token") || req.body.MessageSid + req.body.MessageStatus;
  seen.add(key);
  res.type("text/xml").send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
});
const server = app.listen(port, "127.0.0.1", () => console.log("listening " + server.address().port));
