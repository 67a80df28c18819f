-- wrk script for bench/registry-search.sh: one request at a time, each a find through GET /api/registry/residents.
-- Arguments after "--": the kind of find ("id" or "name") and the number of rows bench/registry-search.sql made.
--   id:   a random row's ID number, made as the fill made it (born 1940-01-01 plus i mod 30000 days, order i / 30000)
--   name: a two-character fragment of a given name and a third character, as the fill composed names
local weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local checks = "10X98765432"
local given = {"伟","芳","娜","敏","静","丽","强","磊","军","洋","勇","艳","杰","娟","涛","明","超","霞","平","刚",
               "桂","英","建","华","志","海","燕","子","涵","浩","然","雨","桐","欣","怡","文","博","宇","晨","佳"}
local third = {"国","荣","兰","梅","辉","鹏","飞","玲","红","林","斌","波","琴","云","亮","莉","刚","峰","婷","慧"}
-- Globals, not locals: done() reads the kind back through thread:get.
kind, rows = nil, nil

local function encode(text)
  return (text:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Days since 1970-01-01 to a civil date (H. Hinnant's algorithm), so that no date library is needed.
local function civil(days)
  local z = days + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400 + (m <= 2 and 1 or 0)
  return y, m, d
end

local function idNumber(i)
  local y, m, d = civil(-10958 + i % 30000) -- 1940-01-01 is day -10958
  local first17 = string.format("421381%04d%02d%02d%03d", y, m, d, math.floor(i / 30000) % 1000)
  local sum = 0
  for k = 1, 17 do
    sum = sum + tonumber(first17:sub(k, k)) * weights[k]
  end
  local c = sum % 11 + 1
  return first17 .. checks:sub(c, c)
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  kind = args[1] or "id"
  rows = tonumber(args[2] or "10000000")
  found = 0
  math.randomseed(7)
end

-- What the finds answered is counted, so that a run finding nobody cannot pass for a fast one: a find by ID number
-- must answer exactly one person, a fragment at least one.
function response(status, headers, body)
  local pattern = kind == "name" and '"totalElements":[1-9]' or '"totalElements":1[,}]'
  if status == 200 and body:find(pattern) then
    found = found + 1
  end
end

function request()
  local query
  if kind == "name" then
    query = "nameContains=" .. encode(given[math.random(#given)] .. third[math.random(#third)])
  else
    query = "idNumber=" .. idNumber(math.random(0, rows - 1))
  end
  return wrk.format("GET", "/api/registry/residents?" .. query)
end

function done(summary, latency, requests)
  local answered = 0
  for _, thread in ipairs(threads) do
    answered = answered + thread:get("found")
  end
  local what = threads[1]:get("kind") == "name" and "by name fragment" or "by ID number"
  io.write(string.format("find %s: %d requests (%d found someone), %d errors, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
    what, summary.requests, answered, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
end
