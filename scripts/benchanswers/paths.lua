-- paths.lua: wrk asks each request path of the file BENCH_PATHS names in
-- turn (scripts/bench-answers.sh writes it), one path a line, and stops
-- after BENCH_REQUESTS answers (0: at the end of its duration).
local paths = {}
local n, done, stop = 0, 0, 0
function init(args)
	for line in io.lines(os.getenv("BENCH_PATHS")) do
		if #line > 0 then
			paths[#paths + 1] = line
		end
	end
	stop = tonumber(os.getenv("BENCH_REQUESTS") or "0") or 0
end
function request()
	n = n % #paths + 1
	return wrk.format("GET", paths[n])
end
function response(status, headers, body)
	done = done + 1
	if stop > 0 and done >= stop then
		wrk.thread:stop()
	end
end
