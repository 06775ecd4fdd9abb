use ketamine_therapy::*;
fn main(){
 let kb=KnowledgeBase::embedded();
 let names = std::env::args().skip(1).collect::<Vec<_>>();
 for n in names { match kb.medicine(&n) { Ok(m)=> println!("{n:?}: {m} {:?} esk={} rac={}", m.interactants().collect::<Vec<_>>(), m.interactions(Agent::Esketamine).count(), m.interactions(Agent::RacemicKetamine).count()), Err(e)=>println!("{n:?}: ERR {e}") } }
}
