-- paths.lua: wrk asks each request path of the file BENCH_PATHS names in
-- turn (scripts/bench-answers.sh writes it), one path a line.
local paths = {}
local n = 0
function init(args)
	for line in io.lines(os.getenv("BENCH_PATHS")) do
		if #line > 0 then
			paths[#paths + 1] = line
		end
	end
end
function request()
	n = n % #paths + 1
	return wrk.format("GET", paths[n])
end
