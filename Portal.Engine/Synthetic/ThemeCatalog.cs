namespace Portal.Engine.Synthetic;

/// <summary>The 24 themes of the generated world, each with its hashtags and a caption vocabulary in five languages.</summary>
public static class ThemeCatalog
{
    /// <summary>The languages captions are written in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "es", "pt", "fr", "de"];

    /// <summary>Hashtags that creators of every theme add; they carry no topic.</summary>
    public static IReadOnlyList<string> GenericHashtags { get; } = ["fyp", "foryou", "viral", "trending", "explore", "new"];

    public static IReadOnlyList<Theme> All { get; } = Build();

    private static List<Theme> Build()
    {
        var themes = new List<Theme>();

        void Add(string key, string display, string tags, string local, double neutral, string emoji, string en, string es, string pt, string fr, string de)
        {
            var localTags = local.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            themes.Add(new Theme(
                themes.Count,
                key,
                display,
                tags.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                new Dictionary<string, string> { ["en"] = localTags[0], ["es"] = localTags[1], ["pt"] = localTags[2], ["fr"] = localTags[3], ["de"] = localTags[4] },
                new Dictionary<string, IReadOnlyList<string>>
                {
                    ["en"] = Split(en),
                    ["es"] = Split(es),
                    ["pt"] = Split(pt),
                    ["fr"] = Split(fr),
                    ["de"] = Split(de),
                },
                neutral,
                emoji));
        }

        Add("basketball", "Basketball", "nba dunk hoops ballislife streetball", "hoopslife baloncesto basquete basketfr korbball", 0.09, "🏀",
            "dunk court rebound crossover buzzer beater layup hoops three-pointer",
            "canasta cancha rebote triple mate partido jugada baloncesto",
            "cesta quadra rebote enterrada arremesso partida jogada basquete",
            "panier terrain rebond dunk tir match action basket",
            "korb spielfeld rebound dunk wurf spiel aktion basketball");
        Add("soccer", "Soccer", "football goal futbol skills worldcup", "soccerskills futbol futebol foot fussball", 0.06, "⚽",
            "goal striker penalty dribble keeper pitch freekick match",
            "gol delantero penalti regate portero cancha falta partido",
            "gol atacante pênalti drible goleiro campo falta partida",
            "but attaquant penalty dribble gardien pelouse coup-franc match",
            "tor stürmer elfmeter dribbling torwart rasen freistoß spiel");
        Add("bunnies", "Bunnies", "bunny rabbit cuteanimals bunnylove floof", "bunnylife conejo coelho lapin hase", 0.33, "🐰",
            "bunny rabbit carrot hop fluffy ears binky hay",
            "conejo zanahoria salto esponjoso orejas heno tierno conejito",
            "coelho cenoura pulo fofo orelhas feno coelhinho fofura",
            "lapin carotte saut duveteux oreilles foin mignon lapereau",
            "hase karotte hüpfen flauschig ohren heu süß kaninchen");
        Add("cats", "Cats", "cat catsoftiktok kitten meow catlover", "catlife gato gatinho chat katze", 0.33, "🐱",
            "cat kitten purr whiskers meow paws nap laser",
            "gato gatito ronroneo bigotes miau patas siesta juguete",
            "gato gatinho ronrono bigodes miau patas soneca brinquedo",
            "chat chaton ronron moustaches miaou pattes sieste jouet",
            "katze kätzchen schnurren schnurrhaare miau pfoten nickerchen spielzeug");
        Add("dogs", "Dogs", "dog puppy doggo dogsoftiktok goodboy", "doglife perro cachorro chien hund", 0.30, "🐶",
            "puppy fetch walk bark tail treat leash goodboy",
            "perrito pelota paseo ladrido cola premio correa perro",
            "filhote bolinha passeio latido rabo petisco coleira cachorro",
            "chiot balle promenade aboiement queue friandise laisse chien",
            "welpe ball gassi bellen schwanz leckerli leine hund");
        Add("cooking", "Cooking", "cooking recipe food foodtok easyrecipe", "homecooking receta receita recette rezept", 0.06, "🍳",
            "recipe pan garlic dinner sauce chef spicy pasta",
            "receta sartén ajo cena salsa cocinero picante pasta",
            "receita frigideira alho jantar molho chef apimentado massa",
            "recette poêle ail dîner sauce chef épicé pâtes",
            "rezept pfanne knoblauch abendessen soße koch scharf nudeln");
        Add("baking", "Baking", "baking cake dessert bread sweettooth", "bakingtime pasteleria confeitaria patisserie backen", 0.12, "🧁",
            "cake dough oven frosting cookies bread sourdough sugar",
            "pastel masa horno glaseado galletas pan masamadre azúcar",
            "bolo massa forno cobertura biscoitos pão fermentação açúcar",
            "gâteau pâte four glaçage biscuits pain levain sucre",
            "kuchen teig ofen glasur kekse brot sauerteig zucker");
        Add("dance", "Dance", "dance dancechallenge choreography dancer moves", "dancetok baile danca danse tanz", 0.42, "💃",
            "dance choreo moves challenge groove step routine beat",
            "baile coreografía pasos reto ritmo paso rutina música",
            "dança coreografia passos desafio ritmo passo rotina batida",
            "danse chorégraphie pas défi rythme mouvement routine son",
            "tanz choreografie schritte challenge groove schritt routine beat");
        Add("gaming", "Gaming", "gaming gamer videogames esports gameplay", "gamingclips videojuegos jogos jeuxvideo zocken", 0.09, "🎮",
            "game boss level speedrun clutch controller stream victory",
            "juego jefe nivel partida jugada mando directo victoria",
            "jogo chefe fase partida jogada controle live vitória",
            "jeu boss niveau partie action manette live victoire",
            "spiel boss level runde aktion controller stream sieg");
        Add("travel", "Travel", "travel wanderlust travelgram adventure explore", "traveltok viajes viagem voyage reisen", 0.18, "✈️",
            "beach trip flight hotel sunset island backpack city",
            "playa viaje vuelo hotel atardecer isla mochila ciudad",
            "praia viagem voo hotel pôr-do-sol ilha mochila cidade",
            "plage voyage vol hôtel coucher île sac ville",
            "strand reise flug hotel sonnenuntergang insel rucksack stadt");
        Add("fitness", "Fitness", "fitness gym workout fitnessmotivation gains", "gymtok ejercicio treino musculation training", 0.12, "💪",
            "workout squat deadlift reps cardio protein abs gym",
            "entrenamiento sentadilla peso repeticiones cardio proteína abdominales gimnasio",
            "treino agachamento terra repetições cardio proteína abdômen academia",
            "entraînement squat soulevé répétitions cardio protéines abdos salle",
            "training kniebeuge kreuzheben wiederholungen cardio protein bauch fitnessstudio");
        Add("makeup", "Makeup", "makeup beauty makeuptutorial glam skincare", "makeuplook maquillaje maquiagem maquillage schminken", 0.06, "💄",
            "foundation eyeliner lipstick contour blush glow brushes palette",
            "base delineador labial contorno rubor brillo brochas paleta",
            "base delineador batom contorno blush brilho pincéis paleta",
            "fond eyeliner rouge contour blush éclat pinceaux palette",
            "foundation eyeliner lippenstift kontur rouge glow pinsel palette");
        Add("fashion", "Fashion", "fashion ootd style outfit streetstyle", "outfitideas moda moda mode mode", 0.15, "👗",
            "outfit thrift jacket sneakers vintage style haul look",
            "outfit segunda-mano chaqueta zapatillas vintage estilo compras look",
            "look brechó jaqueta tênis vintage estilo compras visual",
            "tenue friperie veste baskets vintage style achats look",
            "outfit secondhand jacke sneaker vintage stil einkauf look");
        Add("comedy", "Comedy", "comedy funny humor lol skit", "comedytok comedia comedia humour comedy", 0.03, "😂",
            "prank joke skit roommate awkward laugh pov relatable",
            "broma chiste sketch compañero incómodo risa pov identificado",
            "pegadinha piada esquete colega constrangedor risada pov identificação",
            "blague farce sketch coloc gênant rire pov relatable",
            "streich witz sketch mitbewohner peinlich lachen pov relatable");
        Add("crafts", "Crafts", "diy crafts handmade crafting upcycle", "diyproject manualidades artesanato bricolage basteln", 0.27, "✂️",
            "glue paper yarn paint handmade upcycle knit project",
            "pegamento papel lana pintura hecho-a-mano reciclar tejer proyecto",
            "cola papel lã tinta feito-a-mão reciclar tricô projeto",
            "colle papier laine peinture fait-main recycler tricot projet",
            "kleber papier wolle farbe handgemacht upcycling stricken projekt");
        Add("gardening", "Gardening", "gardening plants garden plantlover growyourown", "plantsoftiktok jardineria jardinagem jardinage gartenarbeit", 0.24, "🌱",
            "seeds soil tomato bloom compost harvest pot greenhouse",
            "semillas tierra tomate flor compost cosecha maceta invernadero",
            "sementes terra tomate flor composto colheita vaso estufa",
            "graines terre tomate fleur compost récolte pot serre",
            "samen erde tomate blüte kompost ernte topf gewächshaus");
        Add("cars", "Cars", "cars carsoftiktok supercar cartok drift", "carlife coches carros voitures autos", 0.21, "🏎️",
            "engine drift turbo exhaust supercar garage wheels horsepower",
            "motor derrape turbo escape superdeportivo taller ruedas caballos",
            "motor drift turbo escapamento superesportivo oficina rodas cavalos",
            "moteur drift turbo échappement supercar garage roues chevaux",
            "motor drift turbo auspuff supersportwagen werkstatt felgen ps");
        Add("guitar", "Guitar", "guitar guitarist music guitarcover riff", "guitarlesson guitarra violao guitare gitarre", 0.36, "🎸",
            "riff chords solo strings amp cover acoustic tab",
            "riff acordes solo cuerdas amplificador versión acústica tablatura",
            "riff acordes solo cordas amplificador cover acústico tablatura",
            "riff accords solo cordes ampli reprise acoustique tablature",
            "riff akkorde solo saiten verstärker cover akustik tabulatur");
        Add("science", "Science", "science stem experiment physics chemistry", "sciencetok ciencia ciencia science wissenschaft", 0.12, "🔬",
            "experiment physics chemistry reaction lab space atoms theory",
            "experimento física química reacción laboratorio espacio átomos teoría",
            "experimento física química reação laboratório espaço átomos teoria",
            "expérience physique chimie réaction labo espace atomes théorie",
            "experiment physik chemie reaktion labor weltraum atome theorie");
        Add("skateboarding", "Skateboarding", "skateboarding skate skatepark kickflip sk8", "skatelife patineta skate skate skaten", 0.36, "🛹",
            "kickflip ollie ramp grind deck bowl trick slam",
            "kickflip ollie rampa grind tabla bowl truco caída",
            "kickflip ollie rampa grind shape bowl manobra queda",
            "kickflip ollie rampe grind planche bowl figure chute",
            "kickflip ollie rampe grind brett bowl trick sturz");
        Add("photography", "Photography", "photography photographer camera photooftheday lens", "phototips fotografia fotografia photographie fotografie", 0.27, "📷",
            "camera lens shot portrait golden-hour editing aperture film",
            "cámara lente foto retrato hora-dorada edición apertura analógico",
            "câmera lente foto retrato hora-dourada edição abertura filme",
            "appareil objectif photo portrait heure-dorée retouche ouverture argentique",
            "kamera objektiv foto porträt goldene-stunde bearbeitung blende analog");
        Add("books", "Books", "booktok books reading bookworm bookrecommendations", "booklover libros livros livres bücher", 0.03, "📚",
            "novel chapter reading fantasy romance library author plot",
            "novela capítulo lectura fantasía romance biblioteca autor trama",
            "romance capítulo leitura fantasia romance biblioteca autor enredo",
            "roman chapitre lecture fantasy romance bibliothèque auteur intrigue",
            "roman kapitel lesen fantasy romanze bibliothek autor handlung");
        Add("surfing", "Surfing", "surfing surf waves surfer ocean", "surflife surf surfe surf surfen", 0.36, "🏄",
            "wave barrel board swell paddle reef wipeout tide",
            "ola tubo tabla marejada remar arrecife revolcón marea",
            "onda tubo prancha swell remada recife vaca maré",
            "vague tube planche houle rame récif chute marée",
            "welle tube brett dünung paddeln riff waschgang gezeiten");
        Add("asmr", "ASMR", "asmr satisfying relaxing tingles asmrsounds", "asmrvideo asmr asmr asmr asmr", 0.45, "🎧",
            "tapping whisper crunchy soap slime calm sleep tingles",
            "golpecitos susurro crujiente jabón slime calma dormir cosquillas",
            "batidinhas sussurro crocante sabão slime calma dormir arrepios",
            "tapotement chuchotement croustillant savon slime calme sommeil frissons",
            "klopfen flüstern knusprig seife schleim ruhe schlafen kribbeln");

        return themes;
    }

    private static string[] Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
