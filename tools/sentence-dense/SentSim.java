// Dense retrieval alone, scored three ways, on question files: by the passage's vector (as the index
// does), by its best quotable sentence's vector, and by the larger of the two (and their sum). Reports
// recall@5/10/30 per file; DUMP=1 also prints each question's top 15 by the larger score.
// usage (from the project root, after `mvn -q -o package -DskipTests` and a classpath file such as
// `mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt`):
//   java -cp "target/classes:$(cat cp.txt)" tools/sentence-dense/SentSim.java DATA_DIR FILE.jsonl...
// DATA_DIR: a data folder whose embedding cache to use (and fill). Reads ./corpus.
import java.lang.reflect.*;
import java.nio.file.*;
import java.util.*;
import uk.safeguarding.guidance.corpus.*;
import uk.safeguarding.guidance.embed.*;
import uk.safeguarding.guidance.index.PassageVectors;
import com.google.gson.*;
public class SentSim {
  static String norm(String s){return s.toLowerCase().replace('‘','\'').replace('’','\'').replace('“','"').replace('”','"').replaceAll("\\s+"," ").trim();}
  public static void main(String[] a) throws Exception {
    Corpus c = CorpusReader.standard().read(Path.of("corpus"));
    PassageSplitter sp = new PassageSplitter();
    Class<?> S = Class.forName("uk.safeguarding.guidance.answer.Sentences");
    Method q = S.getDeclaredMethod("quotable", String.class); q.setAccessible(true);
    Embedder e = new CachedEmbedder(new BgeSmallEmbedder(), Path.of(a[0]));
    List<Passage> ps = new ArrayList<>(); List<float[]> pv = new ArrayList<>(); List<List<float[]>> sv = new ArrayList<>();
    for (SourceDocument d : c.documents()) for (Passage p : sp.split(d)) {
      ps.add(p);
      pv.add(e.embedPassages(List.of(PassageVectors.embeddingText(p))).get(0));
      List<String> units = new ArrayList<>();
      for (Object u : (List<?>) q.invoke(null, p.text())) { Method tm = u.getClass().getDeclaredMethod("text"); tm.setAccessible(true); units.add((String) tm.invoke(u)); }
      sv.add(units.isEmpty() ? List.of() : e.embedPassages(units));
    }
    System.err.println(ps.size()+" passages");
    for (int f = 1; f < a.length; f++) {
      int n=0; int[][] hit=new int[4][3]; int[] ks={5,10,30};
      for (String line : Files.readAllLines(Path.of(a[f]))) {
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        if (o.has("outOfScope") && o.get("outOfScope").getAsBoolean()) continue;
        if (!o.has("expect")) continue;
        List<String> ex = new ArrayList<>(); for (JsonElement x : o.getAsJsonArray("expect")) ex.add(norm(x.getAsString()));
        float[] qv = e.embedQuery(o.get("q").getAsString());
        double[][] sc = new double[4][ps.size()];
        for (int i=0;i<ps.size();i++){
          double pc=dot(qv,pv.get(i)); double ms=-1; for (float[] s: sv.get(i)) ms=Math.max(ms,dot(qv,s));
          if (ms<0) ms=pc;
          sc[0][i]=pc; sc[1][i]=ms; sc[2][i]=Math.max(pc,ms); sc[3][i]=pc+ms;
        }
        n++;
        if (System.getenv("DUMP") != null) {
          Integer[] idx=new Integer[ps.size()]; for(int i=0;i<idx.length;i++) idx[i]=i;
          final double[] s2=sc[2]; Arrays.sort(idx,(x,y)->Double.compare(s2[y],s2[x]));
          JsonObject out=new JsonObject(); out.addProperty("q",o.get("q").getAsString()); out.add("expect",o.getAsJsonArray("expect"));
          JsonArray top=new JsonArray(); for(int r=0;r<15;r++) top.add(ps.get(idx[r]).id()); out.add("maxTop",top);
          System.out.println("DUMP "+out);
        }
        for (int m=0;m<4;m++){
          Integer[] idx=new Integer[ps.size()]; for(int i=0;i<idx.length;i++) idx[i]=i;
          final double[] s=sc[m]; Arrays.sort(idx,(x,y)->Double.compare(s[y],s[x]));
          int rank=999; for(int r=0;r<idx.length;r++){ String t=norm(ps.get(idx[r]).text()); boolean rel=false; for(String x:ex) if(t.contains(x)) rel=true; if(rel){rank=r+1;break;} }
          for(int k=0;k<3;k++) if(rank<=ks[k]) hit[m][k]++;
        }
      }
      String[] names={"passage","maxSent","max","sum"};
      StringBuilder sb=new StringBuilder(Path.of(a[f]).getFileName()+" n="+n);
      for(int m=0;m<4;m++) sb.append(String.format(" | %s r@5 %.3f r@10 %.3f r@30 %.3f",names[m],hit[m][0]/(double)n,hit[m][1]/(double)n,hit[m][2]/(double)n));
      System.out.println(sb);
    }
  }
  static double dot(float[] x,float[] y){double s=0;for(int i=0;i<x.length;i++)s+=x[i]*y[i];return s;}
}
