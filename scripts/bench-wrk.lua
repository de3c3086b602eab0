-- Replays pre-signed form webhooks (scripts/bench-wrk.sh), each once, in order; one wrk thread.
local requests = {}
local next_index = 1

function init(args)
  for line in io.lines(args[1]) do
    local id, ts, sig, body = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", "/webhooks/form", {
      ["Content-Type"] = "application/json",
      ["webhook-id"] = id,
      ["webhook-timestamp"] = ts,
      ["webhook-signature"] = sig,
    }, body)
  end
end

function request()
  local r = requests[next_index]
  next_index = next_index + 1
  if next_index > #requests then next_index = 1 end
  return r
end
