/**
 * Words and identifiers that programming explanations use, roughly most common first: the head of the
 * realistic synthetic vocabulary (bench/vocabulary.ts). Written for the bench, not taken from the
 * knowledge, so the corpus does not echo the shipped topic. Language names are left out: they route a
 * question to a topic rather than describe its content.
 */
export const PROGRAMMING_WORDS: readonly string[] = `
async task method value function thread return code call type object data error await class variable
result string list array run file state event loop request response example key memory exception
runtime compiler context user operation process callback promise future handle block parameter
argument field property instance interface module package library framework api server client query
database table index cache queue stack heap pointer reference lock mutex iterator stream buffer
input output message signal timer delay timeout cancel token scope closure lambda generic template
trait struct enum union tuple map set dictionary hash node tree graph collection element item entry
record row column schema model view component service handler controller route path url header body
payload json config option setting flag default null undefined boolean integer number float double
char byte bit size length count total sum min max first last next previous current parent child root
branch commit merge rebase push pull remote local global static const let var final public private
protected internal abstract virtual override sealed readonly mutable immutable volatile atomic
synchronous asynchronous concurrent parallel sequential blocking deadlock race condition pool worker
executor scheduler dispatcher coroutine goroutine channel select yield generator continuation resume
suspend wait notify join spawn fork exit kill terminate shutdown start stop pause retry fail success
failure status debug log logger trace warning info level verbose test unit integration mock stub
fake assert expect fixture setup teardown suite case coverage benchmark profile performance latency
throughput bandwidth overhead allocation garbage collector gc finalizer dispose disposable
destructor constructor initializer factory builder singleton adapter decorator proxy observer
visitor strategy command pattern dependency injection container inversion binding provider consumer
producer subscriber publisher listener emitter hook effect render props markup selector style layout
flex grid margin padding border width height position display dom document window browser cookie
session storage localstorage get post put delete patch head options http https tcp udp socket port
host address ip dns gateway balancer cluster replica shard partition transaction rollback isolation
consistency durability migration seed inner outer left right cross group order filter where having
limit offset cursor paging pagination sort search match regex capture replace split trim concat
format parse serialize deserialize encode decode encrypt decrypt salt password auth authentication
authorization permission role claim jwt oauth secret certificate tls ssl signature verify validate
validation sanitize escape inject vulnerability attack cors csrf xss origin domain subdomain
endpoint webhook rest graphql rpc grpc protobuf version semver release build compile transpile
bundle minify lint prettier eslint typecheck typed untyped dynamic weak strong inference annotation
cast coercion conversion implicit explicit nullable optional required intersection alias namespace
import export require include using extern crate mod pub impl fn self this super base derived
inheritance composition polymorphism encapsulation abstraction overload void never any unknown
primitive wrapper boxing unboxing recursion recursive tail memo memoization algorithm complexity
linear logarithmic quadratic amortized worst best binary balanced avl trie linked doubly circular
ring sliding greedy backtracking divide conquer brute force heuristic bfs dfs dijkstra topological
shortest spanning edge vertex weight directed undirected cycle acyclic dag matrix vector scalar
tensor dimension shape axis broadcast reshape slice slicing indexing range iterable enumerable
sequence lazy eager evaluation strict pure impure functional imperative declarative procedural
reactive passing actor supervisor fault tolerance resilience circuit breaker backoff jitter rate
throttle debounce batch chunk pipeline stage reduce fold flatten flatmap zip unzip chain compose
pipe curry partial apply bind arrow anonymous named hoisting shadowing lifetime borrow borrowing
ownership move copy clone drop deref dereference box rc arc refcell cell unsafe raw smart segfault
overflow underflow panic unwrap some none ok err try catch finally throw throws raise rescue ensure
defer recover guard assertion invariant precondition postcondition contract duck typing structural
nominal variance covariant contravariant bound constraint associated monad functor applicative
purity referential transparency laziness thunk fiber green lightweight os kernel syscall interrupt
preemptive cooperative multithreading hyperthreading core cpu gpu simd false sharing barrier fence
acquire ordering relaxed consistent cas spinlock rwlock monitor countdown latch cyclic phaser
exchanger snapshot diff hunk conflict resolve stash tag checkout reset revert fetch upstream squash
amend reflog bisect blame ci cd deploy deployment image layer volume mount network bridge overlay
orchestration pod ingress autoscaling check liveness readiness probe metrics monitoring alert
dashboard tracing span telemetry observability Task.Run Task.WhenAll Task.WhenAny Task.Delay
Task.FromResult ConfigureAwait GetAwaiter GetResult CancellationToken CancellationTokenSource
IAsyncEnumerable ValueTask SynchronizationContext TaskCompletionSource Thread.Sleep Parallel.ForEach
HttpClient Console.WriteLine StringBuilder List.Add Dictionary.TryGetValue IEnumerable LINQ Select
Where OrderBy FirstOrDefault ToList ToArray GroupBy SelectMany Aggregate IDisposable asyncio.gather
asyncio.run asyncio.create_task print len enumerate dict contextmanager functools.wraps dataclass
staticmethod classmethod console.log Promise.all Promise.race Promise.resolve setTimeout setInterval
JSON.parse JSON.stringify Array.map Array.filter Array.reduce Object.keys Object.assign
addEventListener querySelector useState useEffect useMemo useCallback useRef useContext
props.children React.memo forwardRef createContext module.exports process.env fs.readFile path.join
http.createServer app.get res.send req.body chan sync.WaitGroup sync.Mutex context.Context errgroup
fmt.Println Box::pin Arc::new Mutex::lock Rc::clone Option::Some Result::Ok unwrap_or map_err
into_iter Vec::new String::from println! 'static CompletableFuture ExecutorService
Executors.newFixedThreadPool Thread.start Runnable Callable AtomicInteger ConcurrentHashMap
Stream.map Collectors.toList Optional.ofNullable System.out.println ArrayList HashMap LinkedList
Iterator.next StringBuilder.append launch runBlocking withContext Dispatchers.IO CoroutineScope
Flow.collect viewModelScope LiveData StateFlow SharedFlow Deferred.await SELECT INSERT UPDATE CMD
ENTRYPOINT EXPOSE WORKDIR display:flex justify-content align-items flex-direction flex-wrap gap
flex-grow flex-shrink flex-basis grid-template keyof typeof extends infer Partial Readonly Record
Pick Omit ReturnType satisfies declare augmentation thread-safe non-blocking key-value concurrency
asynchronously synchronously awaitable awaiter refactor readable maintainable idiomatic boilerplate
syntax semantics keyword operator expression statement declaration definition assignment
initialization invocation execution compile-time stack-trace breakpoint debugger console terminal
shell command-line cli environment yaml toml xml csv text unicode utf-8 ascii encoding newline
whitespace indentation bracket brace parenthesis semicolon comma colon quote backtick comment
docstring documentation readme changelog license lockfile registry npm pip cargo maven gradle nuget
yarn pnpm webpack vite babel rollup esbuild polyfill shim transpiler interpreter bytecode vm jit aot
wasm webassembly native ffi abi linker loader symbol source executable artifact mutation mutate
getter setter accessor computed watcher store reducer action dispatch middleware memoized rerender
hydration ssr csr spa routing navigation link form submit modal dialog button click keypress scroll
resize viewport responsive media-query animation transition transform opacity
z-index overflow-x callback-hell pyramid nesting nested flat early-return short-circuit ternary
switch fallthrough break continue goto label loop-body iteration counter accumulator sentinel
flagged bitmask bitwise shift xor modulo division remainder rounding precision decimal epsilon nan
infinity timestamp datetime timezone utc duration interval epoch clock monotonic wall-clock sleep
tick frame fps render-loop game physics collision sprite shader texture mesh camera scene
`
  .split(/\s+/)
  .filter((word) => word.length > 0);
