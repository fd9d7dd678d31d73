-- Neovim's built-in LSP client against the real server (Neovim 0.7 API: start_client and
-- buf_attach_client). Run by test/nvim/run.sh with ALLO_JAVA, ALLO_JAR, LSP_FILE and LSP_ROOT set.
-- Prints one line per step; exits 0 when every step saw what it expected, 2 otherwise.
local java, jar, file, root = os.getenv('ALLO_JAVA'), os.getenv('ALLO_JAR'), os.getenv('LSP_FILE'), os.getenv('LSP_ROOT')
local failures = 0
local function check(ok, what)
  print((ok and 'ok   ' or 'FAIL ') .. what)
  if not ok then failures = failures + 1 end
end

local received = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  received[result.uri] = result.diagnostics
  return publish(err, result, ctx, config)
end

local id = vim.lsp.start_client({
  cmd = { java, '-jar', jar, 'lsp' },
  root_dir = root,
  name = 'allo',
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'nvim' } },
})
vim.cmd('edit ' .. file)
vim.bo.filetype = 'allo'
vim.lsp.buf_attach_client(0, id)
local uri = vim.uri_from_bufnr(0)

check(vim.wait(60000, function() return received[uri] ~= nil end, 100), 'diagnostics received')
local diagnostics = received[uri] or {}
check(#diagnostics == 1 and diagnostics[1].code == 'allo.schedule.unknown-loop', 'one unknown-loop diagnostic: '
  .. vim.inspect(vim.tbl_map(function(d) return d.message end, diagnostics)))

local function request(method, params)
  local responses = vim.lsp.buf_request_sync(0, method, params, 20000) or {}
  local response = responses[id] or {}
  return response.result, response.err
end
local doc = { uri = uri }

local completion = request('textDocument/completion', { textDocument = doc, position = { line = 10, character = 12 } })
local items = completion and (completion.items or completion) or {}
check(vim.tbl_contains(vim.tbl_map(function(i) return i.label end, items), 'C'), 'completion offers C')

local hover = request('textDocument/hover', { textDocument = doc, position = { line = 9, character = 8 } })
check(hover ~= nil and hover.contents.value:find('int32%[8, 8%]') ~= nil, 'hover shows the type: ' .. vim.inspect(hover and hover.contents))

local definition = request('textDocument/definition', { textDocument = doc, position = { line = 13, character = 20 } })
check(definition ~= nil and definition[1] ~= nil and definition[1].range.start.line == 6, 'definition of add')

local rename = request('textDocument/rename', { textDocument = doc, position = { line = 7, character = 4 }, newName = 'Out' })
local count = 0
if rename then
  for _, change in ipairs(rename.documentChanges or {}) do count = count + #change.edits end
  for _, edits in pairs(rename.changes or {}) do count = count + #edits end
end
check(count == 3, 'rename edits C three times: ' .. count)

local formatting = request('textDocument/formatting', { textDocument = doc, options = { tabSize = 4, insertSpaces = true } })
check(formatting ~= nil and #formatting == 1 and formatting[1].newText == ' ', 'formatting inserts the missing space')

vim.lsp.stop_client(id)
local stopped = vim.wait(10000, function() return vim.lsp.get_client_by_id(id) == nil end, 100)
check(stopped, 'server stopped')
if failures == 0 then vim.cmd('qall!') else vim.cmd('cquit! 2') end
