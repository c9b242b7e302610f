using System.IO.Compression;

namespace Digest.Infrastructure.Writing.Grounding;

/// <summary>
/// Words that are capitalised only because they start a sentence, and capitalised terms that name nothing a source
/// has to contain. A capitalised word at the start of a sentence is read as a name only when it is none of these,
/// does not look like an inflected word ("Broadly", "Training", "Released"), is no English word (SCOWL's common
/// lists, sizes 10–40, in Words/) and is not used in lower case nearby.
/// </summary>
internal static class CommonWords
{
    private static readonly Lazy<HashSet<string>> Dictionary = new(LoadDictionary);

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "their", "them", "there", "here", "we", "our", "you",
        "your", "he", "she", "his", "her", "i", "my", "one", "ones", "some", "many", "most", "more", "much", "few", "fewer", "several",
        "both", "each", "every", "all", "any", "other", "others", "another", "such", "no", "not", "none", "nothing", "everything",
        "something", "anything", "everyone", "someone", "anyone", "nobody", "what", "which", "who", "whom", "whose", "how", "why",
        "where", "when", "whether", "if", "then", "than", "so", "but", "and", "or", "nor", "yet", "still", "also", "too", "as", "at",
        "by", "for", "from", "in", "into", "of", "on", "onto", "to", "with", "within", "without", "about", "above", "across",
        "after", "against", "along", "among", "around", "before", "behind", "below", "beneath", "beside", "besides", "between",
        "beyond", "despite", "during", "except", "inside", "instead", "like", "unlike", "near", "off", "outside", "over", "past",
        "per", "since", "through", "throughout", "toward", "towards", "under", "until", "up", "upon", "via", "while", "although",
        "though", "because", "unless", "once", "whereas", "however", "meanwhile", "moreover", "furthermore", "therefore", "thus",
        "hence", "consequently", "nevertheless", "nonetheless", "otherwise", "accordingly", "additionally", "also", "overall",
        "ultimately", "finally", "first", "second", "third", "fourth", "last", "next", "then", "now", "today", "tomorrow",
        "yesterday", "recently", "currently", "previously", "later", "soon", "often", "sometimes", "never", "always", "already",
        "perhaps", "maybe", "possibly", "likely", "unlikely", "potentially", "clearly", "notably", "importantly", "interestingly",
        "surprisingly", "unfortunately", "fortunately", "critically", "practically", "broadly", "specifically", "generally",
        "typically", "essentially", "basically", "together", "similarly", "likewise", "conversely", "regardless", "anyway",
        "elsewhere", "just", "only", "even", "especially", "particularly", "rather", "quite", "very", "less", "least", "better",
        "best", "worse", "worst", "faster", "slower", "cheaper", "smaller", "larger", "bigger", "higher", "lower", "longer",
        "shorter", "stronger", "weaker", "greater", "easier", "harder", "new", "old", "open", "closed", "given", "should", "could",
        "would", "might", "must", "may", "can", "will", "shall", "do", "does", "did", "done", "is", "are", "was", "were", "be",
        "been", "being", "has", "have", "had", "having", "get", "gets", "got", "make", "makes", "made", "let", "lets", "see",
        "yes", "well", "both", "either", "neither", "whatever", "whoever", "wherever", "whenever", "however", "indeed",
        "certainly", "arguably", "admittedly", "honestly", "frankly", "simply", "merely", "largely", "mostly", "partly", "fully",
    };

    /// <summary>Nouns and adjectives of this domain that often open a sentence ("Commenters argue …", "Training costs …").</summary>
    private static readonly HashSet<string> DomainWords = new(StringComparer.Ordinal)
    {
        "commenters", "commenter", "readers", "reader", "users", "user", "developers", "developer", "researchers", "researcher",
        "engineers", "engineer", "practitioners", "practitioner", "critics", "critic", "proponents", "supporters", "skeptics",
        "sceptics", "teams", "team", "labs", "lab", "companies", "company", "organisations", "organizations", "startups",
        "startup", "people", "experts", "authors", "author", "scientists", "students", "businesses", "governments", "regulators",
        "models", "model", "systems", "system", "tools", "tool", "results", "result", "benchmarks", "benchmark", "papers", "paper",
        "work", "research", "training", "inference", "data", "datasets", "dataset", "code", "hardware", "software", "costs",
        "cost", "risks", "risk", "benefits", "benefit", "ramifications", "consequences", "concerns", "questions", "claims",
        "evidence", "progress", "adoption", "access", "privacy", "security", "safety", "energy", "memory", "compute", "speed",
        "accuracy", "quality", "performance", "efficiency", "scale", "scaling", "stability", "transparency", "reproducibility",
        "openness", "competition", "regulation", "trust", "doubts", "critics", "summary", "discussion", "thread", "post", "posts",
        "article", "story", "report", "reports", "study", "studies", "approach", "approaches", "method", "methods", "technique",
        "techniques", "idea", "ideas", "trick", "tricks", "claim", "point", "points", "argument", "arguments", "issue", "issues",
        "problem", "problems", "challenge", "challenges", "opportunity", "opportunities", "impact", "impacts", "effect",
        "effects", "change", "changes", "shift", "shifts", "trend", "trends", "future", "field", "industry", "community",
        "communities", "market", "markets", "society", "everyone", "smaller", "local", "public", "private", "wider", "broader",
        "widespread", "cheaper", "faster", "lighter", "heavier", "if", "done", "still", "yet", "ongoing",
    };

    /// <summary>Capitalised terms that name nothing in particular, or name the places Digest reads from.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "i", "ai", "ml", "llm", "llms", "gpu", "gpus", "cpu", "cpus", "tpu", "tpus", "npu", "api", "apis", "agi", "asi", "nlp", "rl",
        "rlhf", "sota", "rag", "ui", "ux", "pdf", "url", "urls", "html", "json", "csv", "sql", "ok", "ceo", "cto", "phd", "faq",
        "tldr", "os", "ram", "vram", "ssd", "io", "qa", "iq", "ip", "id", "ids", "2d", "3d", "4d", "vs", "etc", "eg", "ie",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "english", "internet", "web",
        "reddit", "hacker", "news", "hn", "arxiv", "benefits", "ramifications", "summary", "notice",
    };

    /// <summary>Titles before a person's name; not distinctive on their own.</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "dr", "prof", "professor", "mr", "mrs", "ms", "sir", "dame", "lord", "lady",
    };

    public static bool IsSentenceStarter(string folded) => FunctionWords.Contains(folded) || DomainWords.Contains(folded);

    public static bool IsGeneric(string folded) => Generic.Contains(folded);

    public static bool IsTitle(string folded) => Titles.Contains(folded);

    /// <summary>Endings of adverbs, participles and other words that begin sentences but are not names.</summary>
    public static bool LooksInflected(string folded) =>
        folded.Length > 4 && (folded.EndsWith("ly", StringComparison.Ordinal) || folded.EndsWith("ing", StringComparison.Ordinal)
            || folded.EndsWith("ed", StringComparison.Ordinal) || folded.EndsWith("tion", StringComparison.Ordinal)
            || folded.EndsWith("tions", StringComparison.Ordinal) || folded.EndsWith("ness", StringComparison.Ordinal)
            || folded.EndsWith("ment", StringComparison.Ordinal) || folded.EndsWith("ments", StringComparison.Ordinal));

    /// <summary>An ordinary English word (or the plural or inflection of one), as a dictionary lists it in lower case.</summary>
    public static bool IsEnglishWord(string folded)
    {
        var words = Dictionary.Value;
        return words.Contains(folded) || words.Contains(GroundingText.Stem(folded))
            || (folded.EndsWith('s') && words.Contains(folded[..^1]));
    }

    /// <summary>Words too common to count as overlap between a sentence and a source passage.</summary>
    public static bool IsStopWord(string folded) => folded.Length < 4 || FunctionWords.Contains(folded);

    private static HashSet<string> LoadDictionary()
    {
        using var stream = typeof(CommonWords).Assembly.GetManifestResourceStream("Digest.Grounding.english-words.txt.gz")
            ?? throw new InvalidOperationException("The English word list is missing from the assembly.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new HashSet<string>(50_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }

        return words;
    }
}
